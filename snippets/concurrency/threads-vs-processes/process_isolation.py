"""Site addition: a child process changes its own copy of a module-level variable."""

# --8<-- [start:demo]
import multiprocessing as mp

settings = {"mode": "parent"}


def change_settings() -> None:
    settings["mode"] = "child"  # changes the child's own copy only
    print(f"in the child: {settings['mode']}")


if __name__ == "__main__":
    child = mp.Process(target=change_settings)
    child.start()
    child.join()
    print(f"in the parent: {settings['mode']}")
    # Output: in the child: child
    # Output: in the parent: parent
# --8<-- [end:demo]
