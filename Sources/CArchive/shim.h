#ifndef POSTLINT_CARCHIVE_SHIM_H
#define POSTLINT_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>

/* AE_IFREG is a cast macro Swift cannot import. */
static inline int postlint_archive_entry_is_regular(struct archive_entry *entry) {
    return archive_entry_filetype(entry) == AE_IFREG;
}
#endif
