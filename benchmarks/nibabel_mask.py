"""The nibabel side of benchmarks/mask.sh: load, get_fdata(), mask; one JSON line like MaskBenchmark's."""
import json
import resource
import sys
import time

import nibabel as nib
import numpy as np

image, mask_file = sys.argv[1], sys.argv[2]
mask = np.asanyarray(nib.load(mask_file).dataobj) != 0
start = time.perf_counter()
img = nib.load(image)
data = img.get_fdata()
masked = data[mask].T  # times x voxels, as neurodec returns it
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
image_bytes = np.prod(img.shape) * img.get_data_dtype().itemsize
print(json.dumps({"file": image.rsplit("/", 1)[-1], "tool": "nibabel " + nib.__version__,
                  "seconds": round(seconds, 3), "mb_per_s": round(image_bytes / 1e6 / seconds, 1),
                  "output_mb": round(masked.nbytes / 1e6, 1), "peak_rss_mb": round(peak / 1e6, 1)}))
