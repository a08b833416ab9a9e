/* gk-report-widgets.h — the annual report and the period summary on screen
 * and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-report.h"

G_BEGIN_DECLS

/* Appends to BOX the headline figures of REPORT in groups (notices,
 * obligations, applications, feedback and supervision) and each of its
 * tables under its title. */
void gk_report_widgets_fill   (GtkBox         *box,
                               const GkReport *report);

/* Asks where to save REPORT (taken) under NAME (without extension) and
 * writes it there: as PDF (rendered on a worker thread) when AS_PDF, else
 * as CSV. Says so on TOASTS, or shows what went wrong. */
void gk_report_widgets_export (GtkWidget       *parent,
                               AdwToastOverlay *toasts,
                               GkReport        *report,
                               const char      *name,
                               gboolean         as_pdf);

G_END_DECLS
