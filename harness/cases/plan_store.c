/* The configurations and position sets a plan's cases share (plan_store.h):
 * an open-addressing table of byte keys, found by hash and compared in
 * full, so two different keys never share an entry.  A configuration's key
 * is everything of it a case can read: its params (factor pointers left
 * out), the factors they point to, dtype, model type and source. */
#include "plan_store.h"
#include "rope_type.h"

#include <stdlib.h>
#include <string.h>

enum { KEY_CONFIG, KEY_POSITIONS };

typedef struct entry {
    uint64_t hash;
    int kind;
    size_t len;              /* bytes of key                                */
    rc_config *cfg;          /* KEY_CONFIG: the shared copy                 */
    int64_t key[];           /* KEY_POSITIONS: the shared positions         */
} entry;

struct rc_plan_store {
    entry **slot;
    size_t cap, n;
};

/* A configuration as bytes: zero where a field is shorter than its slot. */
typedef struct cfg_key {
    rc_rope_params params;
    int32_t has_dtype, dtype;
    char model_type[64];
    char source[1024];
    double factors[2 * RC_MAX_PAIRS];
} cfg_key;

static size_t config_key(const rc_config *cfg, cfg_key *k)
{
    memset(k, 0, sizeof *k);
    memcpy(&k->params, &cfg->params, sizeof k->params);
    k->params.short_factor = k->params.long_factor = NULL;
    k->has_dtype = cfg->has_dtype;
    k->dtype = (int32_t)cfg->dtype;
    memcpy(k->model_type, cfg->model_type, strnlen(cfg->model_type, sizeof k->model_type - 1));
    memcpy(k->source, cfg->source, strnlen(cfg->source, sizeof k->source - 1));
    const rc_rope_type_info *ti = rc_rope_type_info_of(cfg->params.type);
    size_t nf = 0;
    if (ti && ti->factor_arrays) {
        int half = cfg->params.rotary_dim / 2;
        nf = half < 0 ? 0 : half > RC_MAX_PAIRS ? RC_MAX_PAIRS : (size_t)half;
        memcpy(k->factors, cfg->short_factor, nf * sizeof(double));
        memcpy(k->factors + nf, cfg->long_factor, nf * sizeof(double));
    }
    return offsetof(cfg_key, factors) + 2 * nf * sizeof(double);
}

/* FNV-1a over 64-bit words (every key is a whole number of words). */
static uint64_t hash_key(int kind, const void *key, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)kind, w;
    for (size_t i = 0; i + 8 <= len; i += 8) {
        memcpy(&w, (const char *)key + i, 8);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 29;
    }
    return h ^ len;
}

static int grow(rc_plan_store *s)
{
    size_t cap = s->cap ? s->cap * 2 : 256;
    entry **slot = calloc(cap, sizeof *slot);
    if (!slot)
        return -1;
    for (size_t i = 0; i < s->cap; i++) {
        entry *e = s->slot[i];
        if (!e)
            continue;
        size_t j = e->hash & (cap - 1);
        while (slot[j])
            j = (j + 1) & (cap - 1);
        slot[j] = e;
    }
    free(s->slot);
    s->slot = slot;
    s->cap = cap;
    return 0;
}

/* The entry with this key, added when new (with a copy of cfg for a
 * configuration); NULL on OOM. */
static entry *intern(rc_plan_store *s, int kind, const void *key, size_t len, const rc_config *cfg)
{
    if (2 * (s->n + 1) > s->cap && grow(s) != 0)
        return NULL;
    uint64_t h = hash_key(kind, key, len);
    size_t j = h & (s->cap - 1);
    for (entry *e; (e = s->slot[j]) != NULL; j = (j + 1) & (s->cap - 1))
        if (e->hash == h && e->kind == kind && e->len == len && memcmp(e->key, key, len) == 0)
            return e;
    entry *e = malloc(sizeof *e + (len ? len : 1));
    if (!e)
        return NULL;
    e->hash = h;
    e->kind = kind;
    e->len = len;
    e->cfg = NULL;
    memcpy(e->key, key, len);
    if (cfg) {
        if (!(e->cfg = malloc(sizeof *e->cfg))) {
            free(e);
            return NULL;
        }
        *e->cfg = *cfg;
        rc_config_rebind(e->cfg);
    }
    s->slot[j] = e;
    s->n++;
    return e;
}

rc_plan_store *rc_plan_store_new(void)
{
    return calloc(1, sizeof(rc_plan_store));
}

const rc_config *rc_plan_store_config(rc_plan_store *s, const rc_config *cfg)
{
    cfg_key *k = malloc(sizeof *k);
    if (!k)
        return NULL;
    size_t len = config_key(cfg, k);
    entry *e = intern(s, KEY_CONFIG, k, len, cfg);
    free(k);
    return e ? e->cfg : NULL;
}

const int64_t *rc_plan_store_positions(rc_plan_store *s, const int64_t *positions, int64_t n)
{
    entry *e = intern(s, KEY_POSITIONS, positions, (size_t)(n > 0 ? n : 0) * sizeof *positions, NULL);
    return e ? e->key : NULL;
}

void rc_plan_store_free(rc_plan_store *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->cap; i++)
        if (s->slot[i]) {
            free(s->slot[i]->cfg);
            free(s->slot[i]);
        }
    free(s->slot);
    free(s);
}
