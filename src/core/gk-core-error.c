#include "gk-core-error.h"

G_DEFINE_QUARK (gk-core-error-quark, gk_core_error)
