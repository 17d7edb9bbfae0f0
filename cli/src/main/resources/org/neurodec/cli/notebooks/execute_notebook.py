"""Executes one notebook in a real Jupyter kernel with nbclient and writes the executed notebook.

Run by neurodec's JupyterKernel (neurodec notebooks --jupyter, and the notebooks test when Jupyter is
installed): python3 execute_notebook.py NOTEBOOK OUT KERNEL_NAME CELL_SECONDS. The kernel starts in
the notebook's folder. Exit 0 when every cell ran, 3 when a cell failed or timed out (OUT then holds
the cells run so far, the failing one with its error output), 2 for a usage or start-up problem.
"""
import os
import sys

try:
    import nbclient
    import nbformat
except ImportError as missing:
    print(f"Jupyter's nbclient is not installed: {missing}", file=sys.stderr)
    sys.exit(2)


def main(argv):
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    source, target, kernel, seconds = argv[1], argv[2], argv[3], int(argv[4])
    notebook = nbformat.read(source, as_version=4)
    folder = os.path.dirname(os.path.abspath(source))
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    client = nbclient.NotebookClient(notebook, kernel_name=kernel, timeout=seconds, allow_errors=False,
                                     resources={"metadata": {"path": folder}})
    status = 0
    try:
        client.execute()
    except nbclient.exceptions.CellTimeoutError as e:
        print(f"a cell ran past its limit of {seconds} s: {e}", file=sys.stderr)
        status = 3
    except nbclient.exceptions.CellExecutionError as e:
        print(str(e), file=sys.stderr)
        status = 3
    except nbclient.exceptions.DeadKernelError as e:
        print(f"the kernel died: {e}", file=sys.stderr)
        status = 3
    nbformat.write(notebook, target)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
