/* gk-pdf-print-operation.h — prints a renderer's pages through GtkPrintOperation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Draws page PAGE (from 0) of RENDERER in points, (0,0) at the paper's
 * top-left corner: gk_notice_renderer_draw_page() and its kin. */
typedef void (*GkPdfPrintDrawFunc) (gpointer  renderer,
                                    cairo_t  *cr,
                                    guint     page);

/* Returns: (transfer full): PAPER_NAME (GTK_PAPER_NAME_A4, …) in portrait,
 * with the paper's default margins. */
GtkPageSetup *gk_pdf_print_page_setup_new (const char         *paper_name);

/*
 * Opens the print dialog for the N_PAGES pages of RENDERER (paginated
 * already), each WIDTH_MM × HEIGHT_MM and drawn by DRAW_PAGE as vectors,
 * scaled to fit whatever paper the user picks; SETUP is the paper offered
 * first. JOB_NAME names the job unless NULL or empty. A failure is shown
 * over PARENT under ERROR_HEADING. Keeps a reference on RENDERER until the
 * operation is done.
 */
void          gk_pdf_print_operation_run  (GtkWindow          *parent,
                                           GObject            *renderer,
                                           GkPdfPrintDrawFunc  draw_page,
                                           guint               n_pages,
                                           double              width_mm,
                                           double              height_mm,
                                           GtkPageSetup       *setup,
                                           const char         *job_name,
                                           const char         *error_heading);

G_END_DECLS
