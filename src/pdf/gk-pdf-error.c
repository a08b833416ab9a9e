/* gk-pdf-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pdf/gk-pdf-error.h"

G_DEFINE_QUARK (gk-pdf-error-quark, gk_pdf_error)
