/* Configuration import: real HF configs map to the exact params, bad
 * files give messages naming the key, params JSON round-trips bit-exactly. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "config.h"

#define FIX(name) RC_FIXTURE_DIR "/" name

static rc_config cfg;   /* large: keep it off the stack */
static rc_config cfg2;
static char err[512];

static void load_ok(const char *path)
{
    int rc = rc_config_load(path, &cfg, err, sizeof err);
    ck_assert_msg(rc == 0, "%s: %s", path, err);
    ck_assert_uint_eq(cfg.params.struct_size, sizeof(rc_rope_params));
}

static void parse_ok(const char *text)
{
    int rc = rc_config_parse(text, "inline", &cfg, err, sizeof err);
    ck_assert_msg(rc == 0, "%s", err);
}

/* Parse must fail and the message must contain every needle. */
static void parse_fails(const char *text, const char *n1, const char *n2)
{
    int rc = rc_config_parse(text, "inline", &cfg, err, sizeof err);
    ck_assert_msg(rc == -1, "accepted: %s", text);
    ck_assert_msg(strchr(err, '\n') == NULL, "multi-line: %s", err);
    ck_assert_msg(strstr(err, n1), "'%s' not in: %s", n1, err);
    if (n2)
        ck_assert_msg(strstr(err, n2), "'%s' not in: %s", n2, err);
}

static void load_fails(const char *path, const char *n1, const char *n2)
{
    int rc = rc_config_load(path, &cfg, err, sizeof err);
    ck_assert_msg(rc == -1, "accepted %s", path);
    ck_assert_msg(strstr(err, path), "path not in: %s", err);
    ck_assert_msg(strstr(err, n1), "'%s' not in: %s", n1, err);
    if (n2)
        ck_assert_msg(strstr(err, n2), "'%s' not in: %s", n2, err);
}

static int same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* ---- real HF configs ---------------------------------------------------- */

START_TEST(llama2_7b)
{
    load_ok(FIX("llama2_7b.json"));
    const rc_rope_params *p = &cfg.params;
    ck_assert_int_eq(p->head_dim, 128);
    ck_assert_int_eq(p->rotary_dim, 128);
    ck_assert_int_eq(p->pairing, RC_HALF_SPLIT);
    ck_assert_int_eq(p->type, RC_ROPE_DEFAULT);
    ck_assert(p->base == 10000.0);      /* no rope_theta: HF default */
    ck_assert_int_eq(p->max_position, 4096);
    ck_assert_int_eq(p->original_max_position, 0);
    ck_assert(p->factor == 0.0);
    ck_assert_ptr_null(p->short_factor);
    ck_assert_int_eq(cfg.has_dtype, 1);
    ck_assert_int_eq(cfg.dtype, RC_F16);
    ck_assert_str_eq(cfg.model_type, "llama");
    ck_assert_str_eq(cfg.source, FIX("llama2_7b.json"));
}
END_TEST

START_TEST(llama31_8b)
{
    load_ok(FIX("llama31_8b.json"));
    const rc_rope_params *p = &cfg.params;
    ck_assert_int_eq(p->head_dim, 128);
    ck_assert_int_eq(p->rotary_dim, 128);
    ck_assert_int_eq(p->pairing, RC_HALF_SPLIT);
    ck_assert_int_eq(p->type, RC_ROPE_LLAMA3);
    ck_assert(p->base == 500000.0);
    ck_assert(p->factor == 8.0);
    ck_assert(p->low_freq_factor == 1.0);
    ck_assert(p->high_freq_factor == 4.0);
    ck_assert_int_eq(p->original_max_position, 8192);
    ck_assert_int_eq(p->max_position, 131072);
    ck_assert(p->beta_fast == 0.0 && p->truncate == 0);
    ck_assert_int_eq(cfg.dtype, RC_BF16);
}
END_TEST

START_TEST(qwen2_7b)
{
    load_ok(FIX("qwen2_7b.json"));
    const rc_rope_params *p = &cfg.params;
    ck_assert_int_eq(p->head_dim, 128);       /* 3584 / 28 */
    ck_assert_int_eq(p->rotary_dim, 128);
    ck_assert_int_eq(p->pairing, RC_HALF_SPLIT);
    ck_assert_int_eq(p->type, RC_ROPE_DEFAULT);
    ck_assert(p->base == 1000000.0);
    ck_assert_int_eq(p->max_position, 32768);
    ck_assert_str_eq(cfg.model_type, "qwen2");
}
END_TEST

START_TEST(qwen25_yarn)
{
    load_ok(FIX("qwen2.5_7b_yarn.json"));
    const rc_rope_params *p = &cfg.params;
    ck_assert_int_eq(p->head_dim, 128);
    ck_assert_int_eq(p->type, RC_ROPE_YARN);
    ck_assert(p->base == 1000000.0);
    ck_assert(p->factor == 4.0);
    ck_assert_int_eq(p->original_max_position, 32768);
    ck_assert_int_eq(p->max_position, 32768);
    ck_assert(p->beta_fast == 32.0);
    ck_assert(p->beta_slow == 1.0);
    ck_assert(p->attention_factor == 0.0);
    ck_assert(p->mscale == 0.0 && p->mscale_all_dim == 0.0);
    ck_assert_int_eq(p->truncate, 1);
}
END_TEST

START_TEST(deepseek_v3)
{
    load_ok(FIX("deepseek_v3.json"));
    const rc_rope_params *p = &cfg.params;
    ck_assert_int_eq(p->head_dim, 64);        /* qk_rope_head_dim, not 7168/128 */
    ck_assert_int_eq(p->rotary_dim, 64);
    ck_assert_int_eq(p->pairing, RC_INTERLEAVED);
    ck_assert_int_eq(p->type, RC_ROPE_YARN);
    ck_assert(p->base == 10000.0);
    ck_assert(p->factor == 40.0);
    ck_assert_int_eq(p->original_max_position, 4096);
    ck_assert_int_eq(p->max_position, 163840);
    ck_assert(p->mscale == 1.0 && p->mscale_all_dim == 1.0);
    ck_assert(p->beta_fast == 32.0 && p->beta_slow == 1.0);
}
END_TEST

START_TEST(phi3_mini_128k)
{
    load_ok(FIX("phi3_mini_128k.json"));
    const rc_rope_params *p = &cfg.params;
    ck_assert_int_eq(p->head_dim, 96);
    ck_assert_int_eq(p->rotary_dim, 96);
    ck_assert_int_eq(p->pairing, RC_HALF_SPLIT);
    ck_assert_int_eq(p->type, RC_ROPE_LONGROPE);   /* legacy "su" */
    ck_assert(p->base == 10000.0);
    ck_assert(p->factor == 32.0);                  /* 131072 / 4096 */
    ck_assert_int_eq(p->original_max_position, 4096);
    ck_assert_int_eq(p->max_position, 131072);
    ck_assert(p->attention_factor == 0.0);
    ck_assert_ptr_eq(p->short_factor, cfg.short_factor);
    ck_assert_ptr_eq(p->long_factor, cfg.long_factor);
    ck_assert(p->short_factor[0] == 1.05);
    ck_assert(p->short_factor[47] == 2.9499999999999975);
    ck_assert(p->long_factor[0] == 1.0299999713897705);
    ck_assert(p->long_factor[47] == 64.81001281738281);
}
END_TEST

START_TEST(gpt_neox_20b)
{
    load_ok(FIX("gpt_neox_20b.json"));
    const rc_rope_params *p = &cfg.params;
    ck_assert_int_eq(p->head_dim, 96);        /* 6144 / 64 */
    ck_assert_int_eq(p->rotary_dim, 24);      /* int(96 * 0.25) */
    ck_assert_int_eq(p->pairing, RC_HALF_SPLIT);
    ck_assert_int_eq(p->type, RC_ROPE_DEFAULT);
    ck_assert(p->base == 10000.0);            /* rotary_emb_base */
    ck_assert_int_eq(p->max_position, 2048);
}
END_TEST

START_TEST(gptj_6b)
{
    load_ok(FIX("gptj_6b.json"));
    const rc_rope_params *p = &cfg.params;
    ck_assert_int_eq(p->head_dim, 256);       /* n_embd / n_head */
    ck_assert_int_eq(p->rotary_dim, 64);
    ck_assert_int_eq(p->pairing, RC_INTERLEAVED);
    ck_assert_int_eq(p->type, RC_ROPE_DEFAULT);
    ck_assert(p->base == 10000.0);
    ck_assert_int_eq(p->max_position, 2048);  /* n_positions */
    ck_assert_int_eq(cfg.has_dtype, 0);
}
END_TEST

/* ---- bad fixtures --------------------------------------------------------- */

START_TEST(bad_syntax)
{
    load_fails(FIX("bad_syntax.json"), "malformed JSON", "line 7");
}
END_TEST

START_TEST(bad_type)
{
    load_fails(FIX("bad_type.json"), "\"rope_theta\"", "must be a number");
}
END_TEST

START_TEST(unknown_rope_type)
{
    load_fails(FIX("unknown_rope_type.json"), "ntk-by-parts", "llama3");
    ck_assert_ptr_nonnull(strstr(err, "rope_scaling.rope_type"));
}
END_TEST

START_TEST(longrope_wrong_length)
{
    load_fails(FIX("longrope_wrong_length.json"), "short_factor", "47");
    ck_assert_ptr_nonnull(strstr(err, "48"));
}
END_TEST

START_TEST(contradictory)
{
    load_fails(FIX("contradictory.json"), "rope_scaling.type",
               "rope_scaling.rope_type");
}
END_TEST

START_TEST(missing_file)
{
    load_fails(FIX("no_such_file.json"), "cannot open", NULL);
}
END_TEST

/* ---- HF mapping details (inline configs) --------------------------------- */

START_TEST(hf_head_dim_rules)
{
    parse_ok("{\"hidden_size\": 4096, \"num_attention_heads\": 32, "
             "\"head_dim\": 64}");
    ck_assert_int_eq(cfg.params.head_dim, 64);
    parse_ok("{\"hidden_size\": 4096, \"num_attention_heads\": 32, "
             "\"head_dim\": null}");
    ck_assert_int_eq(cfg.params.head_dim, 128);
    parse_fails("{\"hidden_size\": 4000, \"num_attention_heads\": 96}",
                "hidden_size", "num_attention_heads");
    parse_fails("{\"num_attention_heads\": 8}", "hidden_size", NULL);
    parse_fails("{\"hidden_size\": 64.5, \"num_attention_heads\": 8}",
                "\"hidden_size\"", "integer");
}
END_TEST

START_TEST(hf_rotary_rules)
{
    parse_ok("{\"head_dim\": 80, \"partial_rotary_factor\": 0.4}");
    ck_assert_int_eq(cfg.params.rotary_dim, 32);
    parse_ok("{\"head_dim\": 128, \"rope_parameters\": {\"rope_type\": "
             "\"default\", \"partial_rotary_factor\": 0.5}}");
    ck_assert_int_eq(cfg.params.rotary_dim, 64);
}
END_TEST

START_TEST(hf_rotary_odd)
{
    /* int() truncation, as in HF: 38.4 -> 38 */
    parse_ok("{\"head_dim\": 128, \"partial_rotary_factor\": 0.3}");
    ck_assert_int_eq(cfg.params.rotary_dim, 38);
    parse_fails("{\"head_dim\": 100, \"partial_rotary_factor\": 0.33}",
                "\"partial_rotary_factor\"", "rotary_dim 33");
    parse_fails("{\"head_dim\": 64, \"rotary_pct\": 0.01}", "\"rotary_pct\"",
                "rotary_dim 0");
    parse_fails("{\"head_dim\": 64, \"rotary_dim\": 31}", "\"rotary_dim\"",
                NULL);
    parse_fails("{\"head_dim\": 64, \"rotary_dim\": 32, "
                "\"partial_rotary_factor\": 0.25}", "\"rotary_dim\"",
                "\"partial_rotary_factor\"");
}
END_TEST

START_TEST(hf_rope_parameters_newer)
{
    /* Newest HF: theta and type inside rope_parameters. */
    parse_ok("{\"hidden_size\": 2048, \"num_attention_heads\": 16, "
             "\"max_position_embeddings\": 8192, \"rope_parameters\": "
             "{\"rope_type\": \"linear\", \"factor\": 2.0, "
             "\"rope_theta\": 500000.0}}");
    ck_assert_int_eq(cfg.params.type, RC_ROPE_LINEAR);
    ck_assert(cfg.params.factor == 2.0);
    ck_assert(cfg.params.base == 500000.0);
    /* both blocks, agreeing */
    parse_ok("{\"head_dim\": 64, \"rope_theta\": 500000.0, "
             "\"rope_parameters\": {\"rope_type\": \"linear\", \"factor\": 2.0, "
             "\"rope_theta\": 500000.0}, \"rope_scaling\": {\"type\": "
             "\"linear\", \"factor\": 2.0}}");
    ck_assert_int_eq(cfg.params.type, RC_ROPE_LINEAR);
    /* disagreeing */
    parse_fails("{\"head_dim\": 64, \"rope_parameters\": {\"rope_type\": "
                "\"linear\", \"factor\": 2.0}, \"rope_scaling\": {\"type\": "
                "\"linear\", \"factor\": 4.0}}", "rope_scaling.factor",
                "rope_parameters.factor");
    parse_fails("{\"head_dim\": 64, \"rope_parameters\": {\"rope_type\": "
                "\"linear\", \"factor\": 2.0}, \"rope_scaling\": {\"type\": "
                "\"dynamic\", \"factor\": 2.0}}", "rope_scaling.type",
                "rope_parameters.rope_type");
    parse_fails("{\"head_dim\": 64, \"rope_theta\": 10000, "
                "\"rope_parameters\": {\"rope_type\": \"default\", "
                "\"rope_theta\": 500000}}", "\"rope_theta\"",
                "rope_parameters.rope_theta");
}
END_TEST

START_TEST(hf_dynamic_uses_max_position)
{
    parse_ok("{\"head_dim\": 128, \"max_position_embeddings\": 4096, "
             "\"rope_scaling\": {\"type\": \"dynamic\", \"factor\": 2.0, "
             "\"original_max_position_embeddings\": 2048}}");
    ck_assert_int_eq(cfg.params.type, RC_ROPE_DYNAMIC_NTK);
    ck_assert_int_eq(cfg.params.original_max_position, 4096);
    parse_fails("{\"head_dim\": 128, \"rope_scaling\": {\"type\": "
                "\"dynamic\", \"factor\": 2.0}}", "max_position_embeddings",
                NULL);
    parse_fails("{\"head_dim\": 128, \"max_position_embeddings\": 4096, "
                "\"rope_scaling\": {\"type\": \"linear\"}}", "\"factor\"",
                "linear");
}
END_TEST

START_TEST(hf_yarn_rules)
{
    /* factor missing: derived from the two lengths */
    parse_ok("{\"head_dim\": 128, \"max_position_embeddings\": 131072, "
             "\"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": null, "
             "\"original_max_position_embeddings\": 32768}}");
    ck_assert(cfg.params.factor == 4.0);
    /* factor given: kept even when the lengths say otherwise (newest era) */
    parse_ok("{\"head_dim\": 128, \"max_position_embeddings\": 131072, "
             "\"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": 2.0, "
             "\"original_max_position_embeddings\": 32768}}");
    ck_assert(cfg.params.factor == 2.0);
    /* no original length: max_position_embeddings; betas of 0 = default */
    parse_ok("{\"head_dim\": 64, \"max_position_embeddings\": 4096, "
             "\"rope_scaling\": {\"type\": \"yarn\", \"factor\": 8, "
             "\"beta_fast\": 0, \"beta_slow\": 0, \"truncate\": false, "
             "\"attention_factor\": 1.25}}");
    ck_assert_int_eq(cfg.params.original_max_position, 4096);
    ck_assert(cfg.params.beta_fast == 32.0 && cfg.params.beta_slow == 1.0);
    ck_assert_int_eq(cfg.params.truncate, 0);
    ck_assert(cfg.params.attention_factor == 1.25);
    /* top-level original_max_position_embeddings is used too */
    parse_ok("{\"head_dim\": 64, \"max_position_embeddings\": 8192, "
             "\"original_max_position_embeddings\": 2048, \"rope_scaling\": "
             "{\"type\": \"yarn\", \"factor\": 4}}");
    ck_assert_int_eq(cfg.params.original_max_position, 2048);
    parse_fails("{\"head_dim\": 64, \"rope_scaling\": {\"type\": \"yarn\", "
                "\"factor\": 4, \"truncate\": 1}}", "rope_scaling.truncate",
                "true or false");
}
END_TEST

START_TEST(hf_llama3_required)
{
    parse_fails("{\"head_dim\": 128, \"rope_scaling\": {\"rope_type\": "
                "\"llama3\", \"factor\": 8.0, \"low_freq_factor\": 1.0, "
                "\"original_max_position_embeddings\": 8192}}",
                "\"high_freq_factor\"", NULL);
    parse_fails("{\"head_dim\": 128, \"rope_scaling\": {\"rope_type\": "
                "\"llama3\", \"factor\": 8.0, \"low_freq_factor\": 1.0, "
                "\"high_freq_factor\": 4.0}}",
                "\"original_max_position_embeddings\"", NULL);
}
END_TEST

START_TEST(hf_block_strict)
{
    parse_fails("{\"head_dim\": 128, \"rope_scaling\": {\"rope_type\": "
                "\"linear\", \"factor\": 2.0, \"fator\": 3.0}}",
                "rope_scaling.fator", "unknown key");
    parse_fails("{\"head_dim\": 128, \"rope_scaling\": {\"factor\": 2.0}}",
                "\"factor\"", "rope_type");
    parse_fails("{\"head_dim\": 128, \"rope_scaling\": {\"rope_type\": "
                "\"linear\", \"factor\": \"2\"}}", "rope_scaling.factor",
                "must be a number");
    parse_fails("{\"head_dim\": 128, \"rope_scaling\": {\"rope_type\": "
                "\"linear\", \"factor\": 2, \"factor\": 3}}",
                "rope_scaling.factor", "twice");
    parse_fails("{\"head_dim\": 128, \"rope_scaling\": [1, 2]}",
                "\"rope_scaling\"", "object");
    parse_fails("{\"head_dim\": 128, \"model_type\": 7}", "\"model_type\"",
                "string");
    parse_fails("[1, 2, 3]", "object", NULL);
    /* unknown top-level keys are fine */
    parse_ok("{\"head_dim\": 128, \"some_future_key\": {\"x\": [1]}}");
}
END_TEST

START_TEST(hf_pairing_table)
{
    parse_ok("{\"head_dim\": 64, \"model_type\": \"codegen\"}");
    ck_assert_int_eq(cfg.params.pairing, RC_INTERLEAVED);
    parse_ok("{\"head_dim\": 64, \"model_type\": \"mistral\"}");
    ck_assert_int_eq(cfg.params.pairing, RC_HALF_SPLIT);
    parse_ok("{\"head_dim\": 64, \"model_type\": \"deepseek_v3\", "
             "\"rope_interleave\": false}");
    ck_assert_int_eq(cfg.params.pairing, RC_HALF_SPLIT);
}
END_TEST

START_TEST(hf_dtype)
{
    parse_ok("{\"head_dim\": 64, \"dtype\": \"float32\"}");
    ck_assert(cfg.has_dtype && cfg.dtype == RC_F32);
    parse_ok("{\"head_dim\": 64, \"torch_dtype\": \"auto\"}");
    ck_assert_int_eq(cfg.has_dtype, 0);
    parse_fails("{\"head_dim\": 64, \"torch_dtype\": \"float16\", "
                "\"dtype\": \"bfloat16\"}", "\"torch_dtype\"", "\"dtype\"");
}
END_TEST

START_TEST(syntax_location)
{
    parse_fails("{\n  \"head_dim\": 64,\n  \"x\": tru\n}", "line 3", "column");
    parse_fails("{\"head_dim\": 64} trailing", "malformed JSON", "line 1");
    parse_fails("", "malformed JSON", NULL);
}
END_TEST

/* ---- params JSON ---------------------------------------------------------- */

START_TEST(params_fixture)
{
    load_ok(FIX("params_yarn.json"));
    const rc_rope_params *p = &cfg.params;
    ck_assert_int_eq(p->type, RC_ROPE_YARN);
    ck_assert(p->base == 1000000.0);
    ck_assert(p->factor == 4.0);
    ck_assert(p->beta_slow == 1.0);
    ck_assert(p->attention_factor == 1.169921875);
    ck_assert_int_eq(p->truncate, 0);
    ck_assert_int_eq(p->seq_len, 65536);
    ck_assert_int_eq(p->max_position, 131072);
    ck_assert(cfg.has_dtype && cfg.dtype == RC_BF16);
    ck_assert_str_eq(cfg.model_type, "qwen2");
}
END_TEST

START_TEST(params_hex_strings)
{
    parse_ok("{\"rope_conform_params\": 1, \"head_dim\": 64, "
             "\"base\": \"0x1.388p+13\"}");
    ck_assert(same_bits(cfg.params.base, 10000.0));
    /* 0.1 is not exact in binary: the hex form and strtod must agree */
    parse_ok("{\"rope_conform_params\": 1, \"head_dim\": 64, "
             "\"rope_type\": \"linear\", \"factor\": \"0x1.999999999999ap-4\"}");
    ck_assert(same_bits(cfg.params.factor, 0.1));
    parse_ok("{\"rope_conform_params\": 1, \"head_dim\": 64, "
             "\"rope_type\": \"linear\", \"factor\": \"0.1\"}");
    ck_assert(same_bits(cfg.params.factor, 0.1));
    parse_ok("{\"rope_conform_params\": 1, \"head_dim\": 64, "
             "\"base\": \"0x0.0000000000001p-1022\"}");
    ck_assert(same_bits(cfg.params.base, 4.9406564584124654e-324));
    parse_fails("{\"rope_conform_params\": 1, \"head_dim\": 64, "
                "\"base\": \"1e4x\"}", "\"base\"", "1e4x");
    parse_fails("{\"rope_conform_params\": 1, \"head_dim\": 64, "
                "\"base\": \" 1e4\"}", "\"base\"", NULL);
}
END_TEST

START_TEST(params_errors)
{
    parse_fails("{\"rope_conform_params\": 1, \"head_dim\": 64, "
                "\"bsae\": 10000}", "unknown key \"bsae\"", NULL);
    parse_fails("{\"rope_conform_params\": 2, \"head_dim\": 64}",
                "\"rope_conform_params\"", NULL);
    parse_fails("{\"rope_conform_params\": 1}", "\"head_dim\"", NULL);
    parse_fails("{\"rope_conform_params\": 1, \"head_dim\": 64, "
                "\"pairing\": \"neox\"}", "\"pairing\"", "neox");
    parse_fails("{\"rope_conform_params\": 1, \"head_dim\": 64, "
                "\"rope_type\": \"llama3\", \"factor\": 8, "
                "\"original_max_position\": 8192, \"low_freq_factor\": 1}",
                "\"high_freq_factor\"", NULL);
    parse_fails("{\"rope_conform_params\": 1, \"head_dim\": 8, "
                "\"rope_type\": \"longrope\", \"factor\": 2, "
                "\"original_max_position\": 16, \"short_factor\": [1, 1, 1, 1],"
                " \"long_factor\": [1, 1, 1]}", "\"long_factor\"", "3 entries");
    parse_fails("{\"rope_conform_params\": 1, \"head_dim\": 8, "
                "\"short_factor\": [1, 1, 1, 1]}", "\"short_factor\"",
                "longrope");
    parse_fails("{\"rope_conform_params\": 1, \"head_dim\": 8, "
                "\"dtype\": \"f8\"}", "\"dtype\"", "f8");
    parse_fails("{\"rope_conform_params\": 1, \"head_dim\": 8, "
                "\"max_position\": 1.5}", "\"max_position\"", "integer");
}
END_TEST

/* Write p, print it as text, read it back: every field bit-identical. */
static void round_trip(const rc_rope_params *p)
{
    cJSON *j = rc_params_to_json(p);
    ck_assert_ptr_nonnull(j);
    char *text = cJSON_Print(j);
    cJSON_Delete(j);
    ck_assert_ptr_nonnull(text);
    int rc = rc_config_parse(text, "round-trip", &cfg2, err, sizeof err);
    ck_assert_msg(rc == 0, "%s\n%s", err, text);
    free(text);
    const rc_rope_params *q = &cfg2.params;
    ck_assert_int_eq(q->struct_size, sizeof(rc_rope_params));
    ck_assert_int_eq(q->head_dim, p->head_dim);
    ck_assert_int_eq(q->rotary_dim, p->rotary_dim);
    ck_assert_int_eq(q->pairing, p->pairing);
    ck_assert_int_eq(q->type, p->type);
    ck_assert(same_bits(q->base, p->base));
    ck_assert(same_bits(q->factor, p->factor));
    ck_assert(same_bits(q->low_freq_factor, p->low_freq_factor));
    ck_assert(same_bits(q->high_freq_factor, p->high_freq_factor));
    ck_assert(same_bits(q->beta_fast, p->beta_fast));
    ck_assert(same_bits(q->beta_slow, p->beta_slow));
    ck_assert(same_bits(q->attention_factor, p->attention_factor));
    ck_assert(same_bits(q->mscale, p->mscale));
    ck_assert(same_bits(q->mscale_all_dim, p->mscale_all_dim));
    ck_assert_int_eq(q->truncate, p->truncate);
    ck_assert_int_eq(q->original_max_position, p->original_max_position);
    ck_assert_int_eq(q->max_position, p->max_position);
    ck_assert_int_eq(q->seq_len, p->seq_len);
    if (p->type == RC_ROPE_LONGROPE) {
        ck_assert_ptr_eq(q->short_factor, cfg2.short_factor);
        for (int i = 0; i < p->rotary_dim / 2; i++) {
            ck_assert(same_bits(q->short_factor[i], p->short_factor[i]));
            ck_assert(same_bits(q->long_factor[i], p->long_factor[i]));
        }
    } else {
        ck_assert_ptr_null(q->short_factor);
    }
}

START_TEST(round_trip_fixtures)
{
    static const char *const files[] = {
        FIX("llama2_7b.json"), FIX("llama31_8b.json"), FIX("qwen2_7b.json"),
        FIX("qwen2.5_7b_yarn.json"), FIX("deepseek_v3.json"),
        FIX("phi3_mini_128k.json"), FIX("gpt_neox_20b.json"),
        FIX("gptj_6b.json"), FIX("params_yarn.json"),
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        load_ok(files[i]);
        round_trip(&cfg.params);
    }
}
END_TEST

START_TEST(round_trip_awkward_values)
{
    static double sf[4], lf[4];
    rc_rope_params p;
    memset(&p, 0, sizeof p);
    p.struct_size = sizeof p;
    p.head_dim = 10;
    p.rotary_dim = 8;
    p.pairing = RC_INTERLEAVED;
    p.type = RC_ROPE_LONGROPE;
    p.base = nextafter(10000.0, 1e9);
    p.factor = 1.0 / 3.0;
    p.original_max_position = (int64_t)1 << 52;
    p.max_position = 123457;
    p.attention_factor = -0.0;
    p.mscale = 4.9406564584124654e-324;        /* smallest subnormal */
    p.low_freq_factor = 1.7976931348623157e308;
    p.seq_len = 7;
    for (int i = 0; i < 4; i++) {
        sf[i] = 1.0 + i * 0.1;
        lf[i] = nextafter(2.0 + i, 0.0);
    }
    p.short_factor = sf;
    p.long_factor = lf;
    round_trip(&p);

    /* YaRN with explicit zero betas and truncate off stays that way. */
    memset(&p, 0, sizeof p);
    p.head_dim = p.rotary_dim = 64;
    p.type = RC_ROPE_YARN;
    p.base = 0.1;
    p.factor = 0.0;
    round_trip(&p);
    ck_assert(cfg2.params.beta_fast == 0.0 && cfg2.params.truncate == 0);

    p.type = RC_ROPE_LLAMA3;
    p.base = INFINITY;
    round_trip(&p);
}
END_TEST

START_TEST(to_json_shape)
{
    load_ok(FIX("llama31_8b.json"));
    cJSON *j = rc_params_to_json(&cfg.params);
    ck_assert_ptr_nonnull(j);
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(j, "base");
    ck_assert(cJSON_IsString(b));
    ck_assert_str_eq(b->valuestring, "0x1.e848p+18");
    ck_assert_str_eq(cJSON_GetObjectItemCaseSensitive(j, "rope_type")->valuestring,
                     "llama3");
    ck_assert_ptr_null(cJSON_GetObjectItemCaseSensitive(j, "short_factor"));
    cJSON_Delete(j);

    rc_rope_params bad = cfg.params;
    bad.type = (rc_rope_type)42;
    ck_assert_ptr_null(rc_params_to_json(&bad));
    bad = cfg.params;
    bad.type = RC_ROPE_LONGROPE;
    bad.short_factor = NULL;
    ck_assert_ptr_null(rc_params_to_json(&bad));
}
END_TEST

START_TEST(rebind_after_copy)
{
    load_ok(FIX("phi3_mini_128k.json"));
    cfg2 = cfg;
    ck_assert_ptr_eq(cfg2.params.short_factor, cfg.short_factor);
    rc_config_rebind(&cfg2);
    ck_assert_ptr_eq(cfg2.params.short_factor, cfg2.short_factor);
    ck_assert_ptr_eq(cfg2.params.long_factor, cfg2.long_factor);
    cfg2.params.type = RC_ROPE_YARN;
    rc_config_rebind(&cfg2);
    ck_assert_ptr_null(cfg2.params.short_factor);
    ck_assert_ptr_null(cfg2.params.long_factor);
}
END_TEST

/* An `identify --json` document is accepted by --config: its "params"
 * block is read, the findings around it are ignored. */
START_TEST(identify_document)
{
    parse_ok("{\"candidate\": \"x.so\", \"declared\": {\"rope_conform_params\": 1, \"head_dim\": 64,"
             " \"rotary_dim\": 64, \"pairing\": \"half-split\", \"rope_type\": \"default\", \"base\": 10000},"
             " \"params\": {\"rope_conform_params\": 1, \"head_dim\": 128, \"rotary_dim\": 64,"
             " \"pairing\": \"interleaved\", \"rope_type\": \"default\", \"base\": \"0x1.388p+13\"}}");
    ck_assert_int_eq(cfg.params.head_dim, 128);
    ck_assert_int_eq(cfg.params.rotary_dim, 64);
    ck_assert_int_eq(cfg.params.pairing, RC_INTERLEAVED);
    ck_assert(cfg.params.base == 10000.0);
}
END_TEST

static Suite *config_suite(void)
{
    Suite *s = suite_create("config");
    TCase *hf = tcase_create("hf_fixtures");
    tcase_add_test(hf, llama2_7b);
    tcase_add_test(hf, llama31_8b);
    tcase_add_test(hf, qwen2_7b);
    tcase_add_test(hf, qwen25_yarn);
    tcase_add_test(hf, deepseek_v3);
    tcase_add_test(hf, phi3_mini_128k);
    tcase_add_test(hf, gpt_neox_20b);
    tcase_add_test(hf, gptj_6b);
    suite_add_tcase(s, hf);

    TCase *bad = tcase_create("bad_fixtures");
    tcase_add_test(bad, bad_syntax);
    tcase_add_test(bad, bad_type);
    tcase_add_test(bad, unknown_rope_type);
    tcase_add_test(bad, longrope_wrong_length);
    tcase_add_test(bad, contradictory);
    tcase_add_test(bad, missing_file);
    suite_add_tcase(s, bad);

    TCase *map = tcase_create("hf_mapping");
    tcase_add_test(map, hf_head_dim_rules);
    tcase_add_test(map, hf_rotary_rules);
    tcase_add_test(map, hf_rotary_odd);
    tcase_add_test(map, hf_rope_parameters_newer);
    tcase_add_test(map, hf_dynamic_uses_max_position);
    tcase_add_test(map, hf_yarn_rules);
    tcase_add_test(map, hf_llama3_required);
    tcase_add_test(map, hf_block_strict);
    tcase_add_test(map, hf_pairing_table);
    tcase_add_test(map, hf_dtype);
    tcase_add_test(map, syntax_location);
    suite_add_tcase(s, map);

    TCase *pj = tcase_create("params_json");
    tcase_add_test(pj, params_fixture);
    tcase_add_test(pj, params_hex_strings);
    tcase_add_test(pj, params_errors);
    tcase_add_test(pj, round_trip_fixtures);
    tcase_add_test(pj, round_trip_awkward_values);
    tcase_add_test(pj, to_json_shape);
    tcase_add_test(pj, rebind_after_copy);
    tcase_add_test(pj, identify_document);
    suite_add_tcase(s, pj);
    return s;
}


int main(void)
{
    SRunner *sr = srunner_create(config_suite());
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
