#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are stored as ISO 8601 text, YYYY-MM-DD. */

/* Strictly YYYY-MM-DD and a real day; the message names the text. */
gboolean gk_date_parse        (const char  *text,
                               GDate       *date,
                               GError     **error);
char    *gk_date_to_iso       (const GDate *date);
char    *gk_date_today_iso    (void);
/* 2020年1月13日: the 成文日期 of a notice. */
char    *gk_date_to_chinese   (const GDate *date);

G_END_DECLS
