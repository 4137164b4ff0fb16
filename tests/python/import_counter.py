"""hf_torch.rope, logging each import of this module (the process id) to
the file named by RC_TEST_IMPORT_LOG: the adapter imports a candidate once
per harness process, not once per sandbox child."""
import os

import hf_torch

with open(os.environ["RC_TEST_IMPORT_LOG"], "a") as log:
    log.write("%d\n" % os.getpid())

rope = hf_torch.rope
