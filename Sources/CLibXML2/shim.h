#ifndef IANACONV_CLIBXML2_SHIM_H
#define IANACONV_CLIBXML2_SHIM_H
// The parts of libxml2 ianaconv uses: the SAX2 parser, the HTML parser, RELAX NG (the
// schema check of `validate`, on a parsed tree) and the tree API (otherwise only in tests, as
// an independent check of what the SAX2 reader builds).
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

// xmlFree is a global function pointer; Swift 6 cannot touch mutable globals from any
// concurrency domain, so call it through a function.
static inline void ianaconv_xml_free(void *pointer) { xmlFree(pointer); }
#endif
