#ifndef IANACONV_CLIBYAML_SHIM_H
#define IANACONV_CLIBYAML_SHIM_H
// libyaml's document API: the .ianaconv.yml configuration is loaded as one document of nodes,
// each with its line.
#include <yaml.h>
#endif
