#ifndef REGISTRE_CLIBXML2_SHIM_H
#define REGISTRE_CLIBXML2_SHIM_H

// xmlversion.h first, then drop ICU: libxml2's ICU headers clash with Foundation's own ICU module
// ("'UErrorCode' has different definitions in different modules"). registre never uses libxml2's
// ICU encoding support: every document it reads or writes is UTF-8.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

// xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void registre_xmlFree(void *pointer) { xmlFree(pointer); }

// libxml2's "generic" errors are printf-style developer messages written to stderr ("Unimplemented
// block at xmlschemas.c…"). Every error that matters to a user also comes as a structured error, which
// registre reports with its file and line; these are dropped so that stderr holds one line per problem.
static inline void registre_dropGenericError(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void registre_silenceGenericErrors(void) {
    xmlSetGenericErrorFunc(NULL, registre_dropGenericError);
}

#endif
