/* Writing vectors/ and verifying it: verify rebuilds every file from the
 * case table and compares bytes, so the committed vectors are exactly what
 * this golden engine computes today. */
#include "vectors.h"
#include "report.h"
#include "run.h"
#include "versions.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void join(char *buf, size_t n, const char *dir, const char *name)
{
    snprintf(buf, n, "%s/%s", dir, name);
}

static int write_text(const char *path, const char *text, char *err, size_t errlen)
{
    rc_atomic_file a;
    if (rc_atomic_open(&a, path, err, errlen) != 0)
        return -1;
    if (fputs(text, a.f) == EOF) {
        rc_atomic_abort(&a);
        snprintf(err, errlen, "%s: write error", path);
        return -1;
    }
    return rc_atomic_commit(&a, err, errlen);
}

/* One file built and formatted. */
static char *build_text(size_t i, uint64_t seed, char *name, size_t namelen, size_t *n_cases,
                        char *err, size_t errlen)
{
    rc_vec_file f;
    if (rc_vec_build(i, seed, &f, err, errlen) != 0)
        return NULL;
    char *text = rc_vec_format(&f);
    snprintf(name, namelen, "%s.json", f.name);
    *n_cases = f.n_cases;
    rc_vec_file_free(&f);
    if (!text)
        snprintf(err, errlen, "%s: out of memory", name);
    return text;
}

int rc_vec_generate(const char *dir, uint64_t seed, FILE *log, char *err, size_t errlen)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "%s: %s", dir, strerror(errno));
        return -1;
    }
    size_t nf = rc_vec_n_files(), cap = 4096 + nf * 256;
    char *man = malloc(cap);
    if (!man) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    size_t len = (size_t)snprintf(man, cap,
                                  "{\n  \"rope_conform_vectors_manifest\": 1,\n  \"format\": %d,\n"
                                  "  \"generator_version\": %d,\n  \"seed\": %" PRIu64 ",\n"
                                  "  \"mpfr_version\": \"%s\",\n  \"gmp_version\": \"%s\",\n"
                                  "  \"files\": [\n",
                                  RC_VEC_FORMAT, RC_VEC_GENERATOR_VERSION, seed, rc_version_mpfr(),
                                  rc_version_gmp());
    size_t total = 0;
    for (size_t i = 0; i < nf; i++) {
        char name[128], path[4096], sum[65];
        size_t n_cases;
        char *text = build_text(i, seed, name, sizeof name, &n_cases, err, errlen);
        if (!text) {
            free(man);
            return -1;
        }
        join(path, sizeof path, dir, name);
        size_t tl = strlen(text);
        rc_sha256_hex(text, tl, sum);
        int w = write_text(path, text, err, errlen);
        free(text);
        if (w != 0) {
            free(man);
            return -1;
        }
        total += tl;
        len += (size_t)snprintf(man + len, cap - len,
                                "    {\"file\": \"%s\", \"bytes\": %zu, \"cases\": %zu, \"sha256\": \"%s\"}%s\n",
                                name, tl, n_cases, sum, i + 1 < nf ? "," : "");
        if (log)
            fprintf(log, "wrote %s (%zu bytes, %zu cases)\n", path, tl, n_cases);
    }
    snprintf(man + len, cap - len, "  ]\n}\n");
    char path[4096];
    join(path, sizeof path, dir, RC_VEC_MANIFEST);
    int rc = write_text(path, man, err, errlen);
    free(man);
    if (rc == 0 && log)
        fprintf(log, "wrote %s: %zu files, %zu bytes in all, seed %" PRIu64 "\n", path, nf, total, seed);
    return rc;
}

/* ---- verify ------------------------------------------------------------- */

typedef struct manifest {
    cJSON *root;
    const cJSON *files;
    uint64_t seed;
    int64_t generator_version;
} manifest;

static int manifest_load(const char *dir, manifest *m, char *err, size_t errlen)
{
    char path[4096];
    join(path, sizeof path, dir, RC_VEC_MANIFEST);
    memset(m, 0, sizeof *m);
    char *text = rc_vec_read_text(path, NULL, err, errlen);
    if (!text)
        return -1;
    m->root = cJSON_ParseWithOpts(text, NULL, 1);
    free(text);
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(m->root, "seed");
    const cJSON *g = cJSON_GetObjectItemCaseSensitive(m->root, "generator_version");
    m->files = cJSON_GetObjectItemCaseSensitive(m->root, "files");
    if (!m->root || !cJSON_IsNumber(s) || s->valuedouble < 0 || s->valuedouble > 0x1p53 ||
        !cJSON_IsNumber(g) || !cJSON_IsArray(m->files)) {
        snprintf(err, errlen, "%s: not a vector manifest (needs \"seed\", \"generator_version\", \"files\")",
                 path);
        cJSON_Delete(m->root);
        m->root = NULL;
        return -1;
    }
    m->seed = (uint64_t)s->valuedouble;
    m->generator_version = (int64_t)g->valuedouble;
    return 0;
}

/* The manifest entry for file name, or NULL. */
static const cJSON *manifest_entry(const manifest *m, const char *name)
{
    for (const cJSON *e = m->files->child; e; e = e->next) {
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(e, "file");
        if (cJSON_IsString(f) && strcmp(f->valuestring, name) == 0)
            return e;
    }
    return NULL;
}

static size_t next_line(const char *s, size_t i)
{
    const char *nl = strchr(s + i, '\n');
    return nl ? (size_t)(nl - s) + 1 : strlen(s);
}

/* "N of M lines, first at line L (case "edges", "expected" row 3)" */
static void diff_summary(const char *want, const char *got, char *buf, size_t n)
{
    size_t iw = 0, ig = 0, line = 0, first = 0, ndiff = 0, total = 0;
    char cname[64] = "", key[32] = "", fcase[64] = "", fkey[32] = "";
    long row = -1, frow = -1;
    while (want[iw] || got[ig]) {
        size_t ew = next_line(want, iw), eg = next_line(got, ig);
        line++;
        total++;
        const char *l = want + iw;
        if (strncmp(l, "      \"name\": \"", 15) == 0)
            sscanf(l + 15, "%63[^\"]", cname);
        else if (strncmp(l, "      \"", 7) == 0 && sscanf(l + 7, "%31[^\"]", key) == 1)
            row = -1;
        else if (strncmp(l, "        [", 9) == 0)
            row++;
        if (ew - iw != eg - ig || memcmp(want + iw, got + ig, ew - iw) != 0) {
            if (ndiff++ == 0) {
                first = line;
                snprintf(fcase, sizeof fcase, "%s", cname);
                snprintf(fkey, sizeof fkey, "%s", key);
                frow = row;
            }
        }
        iw = ew;
        ig = eg;
    }
    int k = snprintf(buf, n, "%zu of %zu lines differ from the regeneration, first at line %zu", ndiff,
                     total, first);
    if (fcase[0] && k > 0 && (size_t)k < n) {
        char rw[32] = "";
        if (frow >= 0)
            snprintf(rw, sizeof rw, " row %ld", frow);
        snprintf(buf + k, n - (size_t)k, " (case \"%s\", \"%s\"%s)", fcase, fkey, rw);
    }
}

/* Compare one regenerated file with the committed one; 0 same, 1 differs
 * (line printed), -1 error. */
static int verify_file(const char *dir, const char *name, const char *want, const manifest *m, FILE *out,
                       char *err, size_t errlen)
{
    char path[4096], sum[65], line[512];
    join(path, sizeof path, dir, name);
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT) {
        fprintf(out, "%s: missing (the generator writes it)\n", path);
        return 1;
    }
    size_t len;
    char *got = rc_vec_read_text(path, &len, err, errlen);
    if (!got)
        return -1;
    rc_vec_file f;
    if (rc_vec_parse(got, path, &f, err, errlen) != 0) {
        free(got);
        return -1;
    }
    rc_vec_file_free(&f);
    int rc = 0;
    if (len != strlen(want) || memcmp(got, want, len) != 0) {
        diff_summary(want, got, line, sizeof line);
        fprintf(out, "%s: %s\n", path, line);
        rc = 1;
    }
    free(got);
    const cJSON *e = manifest_entry(m, name);
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(e, "sha256");
    rc_sha256_hex(want, strlen(want), sum);
    if (!e || !cJSON_IsString(s) || strcmp(s->valuestring, sum) != 0) {
        fprintf(out, "%s/%s: %s %s\n", dir, RC_VEC_MANIFEST,
                e ? "the checksum differs from the regeneration's for" : "does not list", name);
        rc = 1;
    }
    return rc;
}

int rc_vec_verify(const char *dir, FILE *out, char *err, size_t errlen)
{
    manifest m;
    if (manifest_load(dir, &m, err, errlen) != 0)
        return 2;
    int differs = 0;
    if (m.generator_version != RC_VEC_GENERATOR_VERSION) {
        fprintf(out, "%s/%s: written by generator version %" PRId64 ", this is version %d: run "
                "`rope-conform vectors generate`\n", dir, RC_VEC_MANIFEST, m.generator_version,
                RC_VEC_GENERATOR_VERSION);
        differs = 1;
    }
    size_t nf = rc_vec_n_files();
    char (*names)[128] = calloc(nf, sizeof *names);
    if (!names) {
        snprintf(err, errlen, "out of memory");
        cJSON_Delete(m.root);
        return 2;
    }
    int rc = 0;
    for (size_t i = 0; i < nf && rc == 0; i++) {
        size_t n_cases;
        char *want = build_text(i, m.seed, names[i], sizeof names[i], &n_cases, err, errlen);
        if (!want) {
            rc = 2;
            break;
        }
        int v = verify_file(dir, names[i], want, &m, out, err, errlen);
        free(want);
        if (v < 0)
            rc = 2;
        else
            differs |= v;
    }
    if (rc == 0 && (size_t)cJSON_GetArraySize(m.files) != nf) {
        fprintf(out, "%s/%s: lists %d files, the generator writes %zu\n", dir, RC_VEC_MANIFEST,
                cJSON_GetArraySize(m.files), nf);
        differs = 1;
    }
    /* a stray vector file would be trusted by nobody: say so */
    DIR *d = rc == 0 ? opendir(dir) : NULL;
    for (struct dirent *de; d && (de = readdir(d));) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 5, ".json") != 0 || strcmp(de->d_name, RC_VEC_MANIFEST) == 0)
            continue;
        int known = 0;
        for (size_t i = 0; i < nf && !known; i++)
            known = strcmp(names[i], de->d_name) == 0;
        if (!known) {
            fprintf(out, "%s/%s: not produced by the generator\n", dir, de->d_name);
            differs = 1;
        }
    }
    if (d)
        closedir(d);
    free(names);
    cJSON_Delete(m.root);
    return rc ? rc : differs;
}
