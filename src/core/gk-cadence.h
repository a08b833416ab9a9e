#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How often a catalog item must be disclosed. A cadence is one or more
 * rules joined with ';':
 *   once | on-event:N | monthly | quarterly | half-yearly |
 *   yearly:MM-DD | yearly-after:MM-DD | per-term
 * on-event:N is due N working days after the event; yearly:MM-DD on that
 * day of the period's year; yearly-after:MM-DD on that day of the year
 * after (a year's summary or results). */
gboolean gk_cadence_validate (const char  *cadence,
                              GError     **error);

/* A short human description, translated: "yearly, by 03-31". */
char    *gk_cadence_describe (const char  *cadence);

G_END_DECLS
