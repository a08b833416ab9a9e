/* gk-catalog-printer.h — prints the catalog table or saves it as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pdf/gk-catalog-renderer.h"

G_BEGIN_DECLS

/* Both take TABLE, lay it out in a worker and then open the print dialog
 * (drawing the renderer's pages as vectors) or ask where to save the PDF.
 * Failures are shown in a dialog over PARENT. */
void gk_catalog_printer_print      (GtkWindow      *parent,
                                    GkCatalogTable *table);
void gk_catalog_printer_export_pdf (GtkWindow      *parent,
                                    GkCatalogTable *table);

G_END_DECLS
