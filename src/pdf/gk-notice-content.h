/* gk-notice-content.h — what a printed notice says, independent of its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GK_TYPE_NOTICE_CONTENT (gk_notice_content_get_type ())

/**
 * GkNoticeContent:
 * @title: the notice's title (标题)
 * @body: paragraphs separated by "\n"; a paragraph starting with 一、二、…
 *   is a level-1 heading (黑体), one starting with （一）（二）… a level-2
 *   heading (楷体), up to and including its first 。
 * @audiences: display text of the disclosure scope, e.g. "全体党员、全校师生"
 * @feedback: (nullable): the feedback channel, printed as its own paragraph
 * @signature: 署名
 * @date: 成文日期, printed with Arabic numerals (2020年1月13日)
 * @issuer: (nullable): 发文机关标志 of the red header (redhead layout only)
 * @doc_number: (nullable): 发文字号, e.g. 党办字〔2020〕3号 (redhead layout only)
 * @verification: (nullable): 8 hex digits of the approval hash; %NULL for drafts
 * @draft: whether to print the diagonal 草稿 / DRAFT mark
 *
 * A plain struct the rest of the application fills in; the renderer copies it.
 */
typedef struct {
  char     *title;
  char     *body;
  char     *audiences;
  char     *feedback;
  char     *signature;
  GDate     date;
  char     *issuer;
  char     *doc_number;
  char     *verification;
  gboolean  draft;
} GkNoticeContent;

GType            gk_notice_content_get_type (void) G_GNUC_CONST;
GkNoticeContent *gk_notice_content_new      (void);
GkNoticeContent *gk_notice_content_copy     (const GkNoticeContent *content);
void             gk_notice_content_free     (GkNoticeContent       *content);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkNoticeContent, gk_notice_content_free)

G_END_DECLS
