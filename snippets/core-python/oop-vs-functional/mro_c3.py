"""Site addition: the C3 linearization (MRO) for a diamond, and a hierarchy it rejects."""


# --8<-- [start:demo]
class Repository:
    def save(self) -> str:
        return "Repository.save"


class CachingMixin(Repository):
    def save(self) -> str:
        return "cache -> " + super().save()


class AuditMixin(Repository):
    def save(self) -> str:
        return "audit -> " + super().save()


class UserRepository(CachingMixin, AuditMixin):
    pass


print([cls.__name__ for cls in UserRepository.mro()])
# Output: ['UserRepository', 'CachingMixin', 'AuditMixin', 'Repository', 'object']
# super() follows the MRO, not the parent that was written in the class statement
print(UserRepository().save())  # Output: cache -> audit -> Repository.save


class A:
    pass


class B:
    pass


class X(A, B):
    pass


class Y(B, A):
    pass


try:

    class Z(X, Y):  # X wants A before B, Y wants B before A: no monotonic order exists
        pass

except TypeError as exc:
    print("TypeError:", " ".join(str(exc).split()))  # the message contains a line break
# Output: TypeError: Cannot create a consistent method resolution order (MRO) for bases A, B
# --8<-- [end:demo]
