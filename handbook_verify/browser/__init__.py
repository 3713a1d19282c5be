"""Running samples in the reader's browser (Pyodide): build-time qualification, shared harness."""
