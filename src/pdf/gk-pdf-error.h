/* gk-pdf-error.h — errors of the PDF layer (src/pdf)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GK_PDF_ERROR (gk_pdf_error_quark ())

typedef enum {
  GK_PDF_ERROR_FAILED,
  GK_PDF_ERROR_RENDER,      /* cairo could not produce the document */
  GK_PDF_ERROR_INVALID_PDF, /* Poppler could not read the bytes */
  GK_PDF_ERROR_NO_PAGE,     /* page index out of range */
} GkPdfError;

GQuark gk_pdf_error_quark (void);

G_END_DECLS
