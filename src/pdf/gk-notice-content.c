/* gk-notice-content.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pdf/gk-notice-content.h"

G_DEFINE_BOXED_TYPE (GkNoticeContent, gk_notice_content,
                     gk_notice_content_copy, gk_notice_content_free)

/* Returns an empty notice whose date is invalid until the caller sets it. */
GkNoticeContent *
gk_notice_content_new (void)
{
  GkNoticeContent *content = g_new0 (GkNoticeContent, 1);

  g_date_clear (&content->date, 1);
  return content;
}

GkNoticeContent *
gk_notice_content_copy (const GkNoticeContent *content)
{
  GkNoticeContent *copy;

  g_return_val_if_fail (content != NULL, NULL);

  copy = gk_notice_content_new ();
  copy->title = g_strdup (content->title);
  copy->body = g_strdup (content->body);
  copy->audiences = g_strdup (content->audiences);
  copy->feedback = g_strdup (content->feedback);
  copy->signature = g_strdup (content->signature);
  copy->date = content->date;
  copy->issuer = g_strdup (content->issuer);
  copy->doc_number = g_strdup (content->doc_number);
  copy->verification = g_strdup (content->verification);
  copy->draft = content->draft;
  return copy;
}

void
gk_notice_content_free (GkNoticeContent *content)
{
  if (content == NULL)
    return;

  g_free (content->title);
  g_free (content->body);
  g_free (content->audiences);
  g_free (content->feedback);
  g_free (content->signature);
  g_free (content->issuer);
  g_free (content->doc_number);
  g_free (content->verification);
  g_free (content);
}
