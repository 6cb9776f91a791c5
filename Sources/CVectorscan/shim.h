#ifndef POSTLINT_CVECTORSCAN_SHIM_H
#define POSTLINT_CVECTORSCAN_SHIM_H

// Vectorscan (the portable fork of Intel's Hyperscan): pkg-config `libhs` adds its include
// folder (`/usr/include/hs` on Debian), so the headers are included by name.
#include <hs.h>

#endif
