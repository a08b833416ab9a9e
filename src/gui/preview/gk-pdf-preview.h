#pragma once

#include <gtk/gtk.h>

#include "core/gk-notice.h"
#include "pdf/gk-notice-content.h"
#include "pdf/gk-notice-renderer.h"

G_BEGIN_DECLS

#define GK_TYPE_PDF_PREVIEW (gk_pdf_preview_get_type ())
G_DECLARE_FINAL_TYPE (GkPdfPreview, gk_pdf_preview, GK, PDF_PREVIEW, GtkWidget)

/* The printed notice as it will be posted: the renderer makes the PDF and
 * Poppler draws its pages into textures on a worker thread, never on the
 * main loop. Page navigation, zoom (fit width, fit page, 100 %), print,
 * save as PDF and the list of substituted fonts are part of the widget. */
GtkWidget *gk_pdf_preview_new         (void);

/* Shows CONTENT in LAYOUT. Rendering is asynchronous; a newer call
 * cancels the one before. The widget keeps its own copy of CONTENT. */
void       gk_pdf_preview_set_content (GkPdfPreview          *self,
                                       const GkNoticeContent *content,
                                       GkNoticeLayout         layout);
void       gk_pdf_preview_clear       (GkPdfPreview          *self);
/* After gk_pdf_preview_set_content(): the content is NOTICE's as it
 * prints (gk_notice_print_content()). Save as PDF and Print then give out
 * only the pages its approval bound (gk_batch_export_check_approval()). */
void       gk_pdf_preview_set_notice  (GkPdfPreview          *self,
                                       GkNotice              *notice);

/* (transfer none): the PDF bytes of the last finished render, or NULL. */
GBytes    *gk_pdf_preview_get_pdf     (GkPdfPreview          *self);

/* (transfer none): the content that PDF was made from, and its layout,
 * for printing exactly what is shown; NULL when nothing is shown. */
const GkNoticeContent *gk_pdf_preview_get_shown_content (GkPdfPreview   *self,
                                                         GkNoticeLayout *layout);

G_END_DECLS
