/* gk-notice-exporter.h — saves a notice's PDF where the user chooses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks where to save PDF (suggesting “TITLE.pdf”) and writes it without
 * blocking; a failure is shown in a dialog over PARENT. */
void gk_notice_exporter_save (GtkWindow  *parent,
                              GBytes     *pdf,
                              const char *title);

G_END_DECLS
