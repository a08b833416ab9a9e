#pragma once

#include <glib.h>

#include "core/gk-database.h"
#include "core/gk-obligations.h"

G_BEGIN_DECLS

/* The calendar of a range as iCalendar (RFC 5545) text, to subscribe to in
 * any calendar application: one all-day VEVENT per obligation, on its due
 * date, and one per notice in progress, on its planned date. UIDs are
 * stable (obligation-<item id>-<rule>-<period>@gongkai, notice-<id>@gongkai),
 * so a refreshed subscription updates events instead of duplicating them;
 * a waived obligation is STATUS:CANCELLED. DTSTAMP is the database
 * clock. Lines end in CRLF and are folded at 75 octets, never inside a
 * UTF-8 character. */
char *gk_ical_export (GkDatabase              *db,
                      const GkObligationQuery *query,
                      GError                 **error);

G_END_DECLS
