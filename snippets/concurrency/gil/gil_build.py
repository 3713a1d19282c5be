"""Site addition: does this interpreter have a GIL? (standard build vs free-threaded build)"""

# --8<-- [start:demo]
import sys
import sysconfig

# Py_GIL_DISABLED is 1 only in a free-threaded build (python3.13t, python3.14t);
# older versions do not define it at all (None)
free_threaded_build = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
print(f"free-threaded build: {free_threaded_build}")  # Output: free-threaded build: False

# Python 3.13+ can tell whether the GIL is enabled right now (a free-threaded build
# re-enables it for an extension module that does not declare itself safe without it)
is_gil_enabled = getattr(sys, "_is_gil_enabled", lambda: True)
print(f"GIL enabled: {is_gil_enabled()}")  # Output: GIL enabled: True
# --8<-- [end:demo]
