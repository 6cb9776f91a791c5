// Vectorscan reference point for Benchmarks/run-compare.sh: compiles one pattern file into a
// block-mode database and scans a JSON Lines corpus as one buffer and line by line (about a
// post each), printing MB/s for each. Built by run-compare.sh with `cc ... $(pkg-config --cflags
// --libs libhs)`.
// Usage: hs_bench literals|regex PATTERNS CORPUS
//   literals: one literal per line, matched as bytes (hs_compile_lit_multi), as postlint's
//             prefilter does (`postlint rules export-patterns --dialect literals`);
//   regex:    one expression per line, `(?i)` prefix for caseless, UTF-8; expressions
//             Vectorscan refuses are left out and counted.
#include <hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *slurp(const char *path, size_t *size) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); exit(2); }
    fseek(file, 0, SEEK_END);
    *size = (size_t)ftell(file);
    fseek(file, 0, SEEK_SET);
    char *data = malloc(*size + 1);
    if (fread(data, 1, *size, file) != *size) { perror(path); exit(2); }
    data[*size] = 0;
    fclose(file);
    return data;
}

static unsigned long long hits;
static int on_match(unsigned int id, unsigned long long from, unsigned long long to, unsigned int flags, void *context) {
    (void)id; (void)from; (void)to; (void)flags; (void)context;
    hits++;
    return 0;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: hs_bench literals|regex PATTERNS CORPUS\n"); return 2; }
    int literal = strcmp(argv[1], "literals") == 0;
    size_t patterns_size, corpus_size;
    char *patterns = slurp(argv[2], &patterns_size);
    char *corpus = slurp(argv[3], &corpus_size);
    size_t capacity = 1024, count = 0;
    char **expressions = malloc(capacity * sizeof *expressions);
    size_t *lengths = malloc(capacity * sizeof *lengths);
    unsigned *flags = malloc(capacity * sizeof *flags), *ids = malloc(capacity * sizeof *ids);
    for (char *line = strtok(patterns, "\n"); line; line = strtok(NULL, "\n")) {
        if (count == capacity) {
            capacity *= 2;
            expressions = realloc(expressions, capacity * sizeof *expressions);
            lengths = realloc(lengths, capacity * sizeof *lengths);
            flags = realloc(flags, capacity * sizeof *flags);
            ids = realloc(ids, capacity * sizeof *ids);
        }
        unsigned flag = HS_FLAG_SINGLEMATCH;
        if (!literal) {
            flag |= HS_FLAG_UTF8;
            if (strncmp(line, "(?i)", 4) == 0) { line += 4; flag |= HS_FLAG_CASELESS; }
        }
        expressions[count] = line; lengths[count] = strlen(line); flags[count] = flag; ids[count] = (unsigned)count;
        count++;
    }
    hs_database_t *database = NULL;
    hs_compile_error_t *error = NULL;
    size_t accepted = count;
    double compile_start = now();
    if (literal) {
        if (hs_compile_lit_multi((const char *const *)expressions, flags, ids, lengths, (unsigned)count, HS_MODE_BLOCK, NULL, &database, &error) != HS_SUCCESS) {
            fprintf(stderr, "hs_bench: %s\n", error->message);
            return 2;
        }
    } else {
        // Keep the expressions Vectorscan accepts (it refuses look-behind, for one).
        size_t kept = 0;
        for (size_t i = 0; i < count; i++) {
            hs_database_t *single = NULL;
            if (hs_compile(expressions[i], flags[i], HS_MODE_BLOCK, NULL, &single, &error) == HS_SUCCESS) {
                hs_free_database(single);
                expressions[kept] = expressions[i]; flags[kept] = flags[i]; ids[kept] = ids[i]; kept++;
            } else {
                hs_free_compile_error(error);
            }
        }
        accepted = kept;
        if (hs_compile_multi((const char *const *)expressions, flags, ids, (unsigned)kept, HS_MODE_BLOCK, NULL, &database, &error) != HS_SUCCESS) {
            fprintf(stderr, "hs_bench: %s\n", error->message);
            return 2;
        }
    }
    double compile_seconds = now() - compile_start;
    hs_scratch_t *scratch = NULL;
    hs_alloc_scratch(database, &scratch);
    double start = now();
    hs_scan(database, corpus, (unsigned)corpus_size, 0, scratch, on_match, NULL);
    double whole = now() - start;
    start = now();
    size_t lines = 0;
    for (char *line = corpus, *end; line < corpus + corpus_size; line = end + 1) {
        end = memchr(line, '\n', (size_t)(corpus + corpus_size - line));
        if (!end) end = corpus + corpus_size;
        hs_scan(database, line, (unsigned)(end - line), 0, scratch, on_match, NULL);
        lines++;
    }
    double per_line = now() - start;
    double megabytes = (double)corpus_size / 1e6;
    printf("vectorscan %s: %zu/%zu expressions, compile %.2f s, whole buffer %.0f MB/s, per post (%zu lines) %.0f MB/s\n",
           argv[1], accepted, count, compile_seconds, megabytes / whole, lines, megabytes / per_line);
    return 0;
}
