"""Candidates that hand back what the ABI cannot carry: each must be a FAIL
naming the reason, never a crash of the harness."""
import hf_torch


def wrong_shape(x, positions, params):
    return hf_torch.rope(x, positions, params)[:, :, :-2]


def wrong_dtype(x, positions, params):
    return hf_torch.rope(x, positions, params).double()


def non_contiguous(x, positions, params):
    return hf_torch.rope(x, positions, params).transpose(0, 1).contiguous().transpose(0, 1)


def raises(x, positions, params):
    hf_torch.rope(x, positions, params)
    raise RuntimeError("kernel launch failed")


def not_a_tensor(x, positions, params):
    return hf_torch.rope(x, positions, params).tolist()


EXPECTED = {
    "wrong_shape": "has shape [",
    "wrong_dtype": "has dtype torch.float64, expected torch.",
    "non_contiguous": "is not contiguous",
    "raises": "RuntimeError: kernel launch failed (bad_returns.py:",
    "not_a_tensor": "is a list, expected a torch.Tensor",
}
