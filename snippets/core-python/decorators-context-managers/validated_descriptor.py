"""A data descriptor that validates assignments."""


# --8<-- [start:demo]
# Descriptor implementation for automatic validation
class ValidatedString:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return instance.__dict__.get(self.name)

    def __set__(self, instance, value):
        if not isinstance(value, str):
            raise TypeError(f"{self.name} must be a string")
        instance.__dict__[self.name] = value


class UserModel:
    username = ValidatedString()  # Descriptor instance intercepts access


# --8<-- [end:demo]

# --8<-- [start:usage]
user = UserModel()
user.username = "ada"  # calls ValidatedString.__set__
print(user.username)  # Output: ada
print(user.__dict__)  # Output: {'username': 'ada'}

try:
    user.username = 42
except TypeError as exc:
    print(f"TypeError: {exc}")  # Output: TypeError: username must be a string

# Accessed on the class, __get__ receives instance=None and returns the descriptor itself
print(type(UserModel.username).__name__)  # Output: ValidatedString
# property is a descriptor too: it is how @property works
print(hasattr(property, "__get__"), hasattr(property, "__set__"))  # Output: True True
# --8<-- [end:usage]
