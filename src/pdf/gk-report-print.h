/* gk-report-print.h — the annual report and the period summary, printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/gk-report.h"
#include "pdf/gk-report-renderer.h"

G_BEGIN_DECLS

/* The document of REPORT (computed by core on the thread that owns the
 * connection; rendering may then happen anywhere): the title — the
 * year's 党务公开工作情况通报 (第十八条) or, for a summary, the period's
 * 党务公开工作情况报告 (第十七条) —, the period, an overview in
 * paragraphs, every table under its title as a heading, and the
 * organization's signature with REPORT's today as the date. */
GkReportDocument *gk_report_print_document (const GkReport  *report);

/* The PDF of REPORT's document. */
GBytes           *gk_report_print_pdf      (const GkReport  *report,
                                            GError         **error);

G_END_DECLS
