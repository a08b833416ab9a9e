/* gk-notice-printer.h — prints a notice through GtkPrintOperation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pdf/gk-notice-content.h"
#include "pdf/gk-notice-renderer.h"

G_BEGIN_DECLS

/* Opens the print dialog for CONTENT in LAYOUT, on A3 for the a3 layout
 * and otherwise on the paper of the preferences (the paper key). The
 * pages are drawn by the same renderer as the PDF, as vectors, not as a
 * picture of the preview. Pagination runs in a worker first; failures are
 * shown in a dialog over PARENT. */
void gk_notice_printer_print (GtkWindow             *parent,
                              const GkNoticeContent *content,
                              GkNoticeLayout         layout);

G_END_DECLS
