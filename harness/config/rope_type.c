/* The rope-type table's lookups: the rows of rope_types.def, by value,
 * by name or alias, and by diagnosis class. */
#include "rope_type.h"

#include <stdio.h>
#include <string.h>

#define RC_ROPE_TYPE_ROW(id, info) extern const rc_rope_type_info info;
#include "rope_types.def"
#undef RC_ROPE_TYPE_ROW

static const rc_rope_type_info *const table[RC_ROPE_TYPE_COUNT] = {
#define RC_ROPE_TYPE_ROW(id, info) [id] = &info,
#include "rope_types.def"
#undef RC_ROPE_TYPE_ROW
};

/* Every row once, every value of the enum a row. */
#define RC_ROPE_TYPE_ROW(id, info) +1
_Static_assert(0
#include "rope_types.def"
               == RC_ROPE_TYPE_COUNT, "rope_types.def needs one row per rc_rope_type");
#undef RC_ROPE_TYPE_ROW

const rc_rope_type_info *rc_rope_type_info_of(rc_rope_type t)
{
    return (unsigned)t < RC_ROPE_TYPE_COUNT ? table[t] : NULL;
}

const rc_rope_type_info *rc_rope_type_by_class(const char *cls)
{
    for (int t = 0; cls && t < RC_ROPE_TYPE_COUNT; t++)
        if (table[t]->diag_class && strcmp(table[t]->diag_class, cls) == 0)
            return table[t];
    return NULL;
}

rc_rope_type rc_rope_type_by_fit(rc_fit_shape s)
{
    for (int t = 0; s != RC_FIT_NONE && t < RC_ROPE_TYPE_COUNT; t++)
        if (table[t]->fit_shape == s)
            return (rc_rope_type)t;
    return RC_ROPE_DEFAULT;
}

rc_fit_shape rc_rope_type_fit(rc_rope_type t)
{
    const rc_rope_type_info *ti = rc_rope_type_info_of(t);
    return ti ? ti->fit_shape : RC_FIT_NONE;
}

const char *rc_rope_type_name(rc_rope_type t)
{
    const rc_rope_type_info *ti = rc_rope_type_info_of(t);
    return ti ? ti->name : "?";
}

int rc_rope_type_parse(const char *s, rc_rope_type *out)
{
    for (int t = 0; s && t < RC_ROPE_TYPE_COUNT; t++) {
        int hit = strcmp(s, table[t]->name) == 0;
        for (const char *const *a = table[t]->aliases; !hit && a && *a; a++)
            hit = strcmp(s, *a) == 0;
        if (hit) {
            *out = table[t]->type;
            return 0;
        }
    }
    return -1;
}

const char *rc_rope_type_list(void)
{
    static char buf[256];
    if (buf[0])
        return buf;
    size_t n = 0;
    for (int t = 0; t < RC_ROPE_TYPE_COUNT && n < sizeof buf; t++) {
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", t ? ", " : "", table[t]->name);
        for (const char *const *a = table[t]->aliases; a && *a && n < sizeof buf; a++)
            n += (size_t)snprintf(buf + n, sizeof buf - n, " (or %s)", *a);
    }
    return buf;
}

static const int64_t switch_pos[] = { 1, RC_VEC_L, RC_VEC_L + 1, 65535 };

int rc_vec_seq_len_case(rc_config *v, int i, rc_vec_extra *out, const char *note_at,
                        const char *note_past)
{
    if (i > 1)
        return 0;
    v->params.seq_len = RC_VEC_L + i;
    *out = (rc_vec_extra){ i ? "seq-len-L+1" : "seq-len-L", switch_pos, 4, i ? note_past : note_at };
    return 1;
}
