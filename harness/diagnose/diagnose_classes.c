/* The bug classes diagnosis names, with what correct code does (one table),
 * and how the catalogue's classes map onto them. */
#include "diagnose.h"
#include "rope_mrope.h"
#include "rope_type.h"

#include <string.h>

static const rc_diag_class classes[] = {
    { "pairing", RC_ROPE_DEFAULT, "channel pairing",
      "rotate (k, k + r/2) for half-split and (2k, 2k+1) for interleaved configs, as the config says" },
    { "direction", RC_ROPE_DEFAULT, "rotation direction",
      "y0 = x0 cos - x1 sin, y1 = x0 sin + x1 cos (a rotation by +angle)" },
    { "frequency", RC_ROPE_DEFAULT, "inverse frequencies",
      "w_k = base^(-2k/r) for k = 0 .. r/2-1, from the configured base and rotary_dim, in fp32 or wider" },
    { "precision", RC_ROPE_DEFAULT, "arithmetic precision",
      "form position, inv_freq and angle in fp32 or wider (fp64 past 2^24) and round once to the output dtype" },
    { "position", RC_ROPE_DEFAULT, "positions",
      "rotate token t by positions[t] itself: no table, clamp, wrap or offset below the model's max position" },
    { "indexing", RC_ROPE_DEFAULT, "head/token indexing",
      "visit every (token, head) and address it as t*token_stride + h*head_stride" },
    { "partial", RC_ROPE_DEFAULT, "rotary channels",
      "rotate channels 0 .. rotary_dim-1 and copy rotary_dim .. head_dim-1 bit for bit" },
    { "magnitude", RC_ROPE_DEFAULT, "magnitude",
      "scale by the variant's magnitude m only (1 for default, linear, dynamic and llama3)" },
    /* the scaling types' classes: their ids are the rope-type table's */
    { NULL, RC_ROPE_LINEAR, "linear scaling", "w'_k = w_k / factor" },
    { NULL, RC_ROPE_DYNAMIC_NTK, "dynamic NTK scaling",
      "base' = base * (s*l/L - (s-1))^(r/(r-2)) with l = max(seq_len, L): no change while seq_len <= L" },
    { NULL, RC_ROPE_YARN, "YaRN ramp and magnitude",
      "ramp from the beta_fast/beta_slow correction bounds; m = 0.1 ln s + 1 unless attention_factor is set" },
    { NULL, RC_ROPE_LLAMA3, "Llama 3 bands",
      "wavelen = 2 pi / w: > L/low_freq_factor: w/s; < L/high_freq_factor: w; else blend with "
      "smooth = (L/wavelen - low)/(high - low)" },
    { NULL, RC_ROPE_LONGROPE, "LongRoPE factors",
      "w_k / long_factor[k] iff seq_len > original_max_position, else short_factor[k]" },
    { RC_MROPE_NAME, RC_ROPE_DEFAULT, "M-RoPE axes",
      "pair k turns by its axis's position, positions [axis][token]: sectioned takes s_T pairs of T, then H, "
      "then W; interleaved takes H at k mod 3 = 1 and W at k mod 3 = 2 below 3 s_axis, T elsewhere" },
    { "memory", RC_ROPE_DEFAULT, "memory safety",
      "read both channels of a pair before writing either, and write only inside the output tensor" },
    { "backward", RC_ROPE_DEFAULT, "backward", "backward = m R(-angle) applied to the incoming gradient" },
    { "api", RC_ROPE_DEFAULT, "API and validation",
      "refuse invalid params with RC_ERROR and dispatch on the configured rope type" },
    { "hang", RC_ROPE_DEFAULT, "termination", "return from every call; no unbounded loop or wait" },
};

static const struct { const char *catalogue, *diag; } aliases[] = {
    { "cache", "position" },
    { "batch", "position" },
};

const char *rc_diag_class_id(const rc_diag_class *k)
{
    const rc_rope_type_info *ti = k->id ? NULL : rc_rope_type_info_of(k->type);
    return k->id ? k->id : ti && ti->diag_class ? ti->diag_class : "";
}

const rc_diag_class *rc_diag_class_find(const char *id)
{
    for (size_t i = 0; id && id[0] && i < sizeof classes / sizeof classes[0]; i++)
        if (strcmp(rc_diag_class_id(&classes[i]), id) == 0)
            return &classes[i];
    return NULL;
}

const char *rc_diag_class_of_catalogue(const char *cat_cls)
{
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(aliases[i].catalogue, cat_cls) == 0)
            return aliases[i].diag;
    return cat_cls;
}
