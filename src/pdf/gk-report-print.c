/* gk-report-print.c: the figures of core's GkReport as a printed report */

#include "core/gk-dates.h"
#include "pdf/gk-report-print.h"

static char *
period_text (const GkReport *report)
{
  GDate from, to;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  if (!gk_date_parse (report->from, &from, NULL) || !gk_date_parse (report->to, &to, NULL))
    return g_strdup_printf ("%s至%s", report->from, report->to);
  from_text = gk_date_to_chinese (&from);
  to_text = gk_date_to_chinese (&to);
  return g_strdup_printf ("%s至%s", from_text, to_text);
}

static char *
percent_text (guint part,
              guint whole)
{
  if (whole == 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.1f%%", 100.0 * part / whole);
}

static void
add_overview (GkReportDocument *document,
              const GkReport   *report,
              const char       *period)
{
  g_autofree char *rate = percent_text (report->on_time, report->published);
  g_autofree char *median = gk_report_format_days (report->median_delay);
  g_autofree char *response = gk_report_format_days (report->median_response);
  g_autofree char *notices = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *requests = NULL;
  g_autofree char *supervision = NULL;
  guint obligations = report->obligations_met + report->obligations_waived +
                      report->obligations_missed + report->obligations_pending;

  notices = g_strdup_printf ("%s，%s及所属组织共公开党务事项%u项，其中按期公开%u项、逾期公开%u项，"
                             "按期公开率%s；全部公开事项延迟时间的中位数为%s个工作日。",
                             period, report->short_name, report->published, report->on_time, report->late,
                             rate, median);
  catalog = g_strdup_printf ("党务公开目录规定应在本期公开的事项%u项，按规定公开%u项，说明理由免于公开%u项，"
                             "逾期未公开%u项，尚在期限内%u项。",
                             obligations, report->obligations_met, report->obligations_waived,
                             report->obligations_missed, report->obligations_pending);
  requests = g_strdup_printf ("收到党员和群众个别申请%u件，予以公开%u件、部分公开%u件、不予公开%u件，"
                              "尚未答复%u件，超过答复期限%u件，答复用时中位数为%s个工作日。",
                              report->applications, report->applications_disclosed, report->applications_partial,
                              report->applications_refused, report->applications_open, report->applications_late,
                              response);
  supervision = g_strdup_printf ("收到意见反馈%u条，重大舆情%u起（须及时向上级报告），发布澄清说明%u份。"
                                 "开展党务公开督查%u次，发现问题%u个，已整改%u个，逾期未整改%u个。",
                                 report->feedback, report->opinions_high, report->clarifications,
                                 report->inspections, report->findings, report->rectified,
                                 report->rectification_overdue);

  gk_report_document_add_paragraph (document, notices);
  gk_report_document_add_paragraph (document, catalog);
  gk_report_document_add_paragraph (document, requests);
  gk_report_document_add_paragraph (document, supervision);
}

GkReportDocument *
gk_report_print_document (const GkReport *report)
{
  g_autoptr(GkReportDocument) document = NULL;
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *intro = NULL;
  GDate today;

  g_return_val_if_fail (report != NULL, NULL);

  period = period_text (report);
  if (report->year > 0)
    {
      title = g_strdup_printf ("%s%d年度党务公开工作情况通报", report->organization, report->year);
      intro = g_strdup_printf ("根据党务公开实施办法第十八条“各级党组织应当每年向有关党员和群众通报党务公开情况”的规定，"
                               "现将%s%d年度党务公开工作情况通报如下。", report->organization, report->year);
    }
  else
    {
      title = g_strdup_printf ("%s党务公开工作情况报告", report->organization);
      intro = g_strdup_printf ("根据党务公开实施办法第十七条规定，党务公开工作情况纳入向上级组织报告工作及"
                               "党组织书记抓党建述职评议工作专题报告。现将%s%s党务公开工作情况报告如下。",
                               report->organization, period);
    }
  subtitle = g_strdup_printf ("（%s）", period);

  document = gk_report_document_new (title);
  gk_report_document_add_subtitle (document, subtitle);
  gk_report_document_add_paragraph (document, intro);
  add_overview (document, report, report->year > 0 ? "本年度" : "本期");

  for (guint i = 0; i < report->tables->len; i++)
    {
      GkReportTable *table = g_ptr_array_index (report->tables, i);

      gk_report_document_add_heading (document, table->title);
      if (table->rows->len == 0)
        gk_report_document_add_paragraph (document, "本期无。");
      else
        gk_report_document_add_table (document, (const char * const *) table->columns, table->rows);
    }

  gk_report_document_set_signature (document, report->organization,
                                    gk_date_parse (report->today, &today, NULL) ? &today : NULL);
  return g_steal_pointer (&document);
}

GBytes *
gk_report_print_pdf (const GkReport  *report,
                     GError         **error)
{
  g_autoptr(GkReportRenderer) renderer = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  renderer = gk_report_renderer_new (gk_report_print_document (report));
  return gk_report_renderer_render_pdf (renderer, error);
}
