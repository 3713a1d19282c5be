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
# Methods (plain functions) and classmethod are descriptors too, with __get__ but no __set__
method = ValidatedString.__set_name__  # a function, bound to an instance through its __get__
print(hasattr(method, "__get__"), hasattr(classmethod, "__set__"))  # Output: True False
# --8<-- [end:usage]


# --8<-- [start:precedence]
class LazyConfig:  # defines only __get__: a non-data descriptor
    calls = 0

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner):
        if instance is None:
            return self
        LazyConfig.calls += 1
        instance.__dict__[self.name] = {"timeout": 5}  # cache it in the instance dict
        return instance.__dict__[self.name]


class Service:
    config = LazyConfig()

    @property  # property defines __get__ and __set__: a data descriptor
    def region(self):
        return "eu-west-1"


service = Service()
print(service.config, service.config)  # Output: {'timeout': 5} {'timeout': 5}
# The second read found the value in the instance dict: __get__ ran once
print(f"__get__ calls: {LazyConfig.calls}")  # Output: __get__ calls: 1

service.__dict__["region"] = "us-east-1"  # an instance dict entry cannot shadow a data descriptor
print(service.region)  # Output: eu-west-1
# --8<-- [end:precedence]
