#ifndef POSTLINT_CPCRE2_SHIM_H
#define POSTLINT_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// Swift does not import function-like or cast macros; these helpers expose the two we need.
static inline PCRE2_SIZE postlint_pcre2_unset(void) { return PCRE2_UNSET; }
static inline PCRE2_SIZE postlint_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }

#endif
