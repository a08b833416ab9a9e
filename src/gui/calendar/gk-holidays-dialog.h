/* gk-holidays-dialog.h — the working-day calendar: view and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

#define GK_TYPE_HOLIDAYS_DIALOG (gk_holidays_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GkHolidaysDialog, gk_holidays_dialog, GK, HOLIDAYS_DIALOG, AdwWindow)

/* A modal window over PARENT listing the public holidays and make-up
 * working days (调休) of DB by year, with an import of a
 * date<TAB>holiday|workday<TAB>name file. Emits "changed" after an import. */
GtkWidget *gk_holidays_dialog_new (GtkWindow  *parent,
                                   GkDatabase *db);

G_END_DECLS
