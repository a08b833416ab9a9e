#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "core/gk-cadence.h"
#include "core/gk-core-error.h"

static gboolean
parse_month_day (const char *text,
                 guint      *month,
                 guint      *day)
{
  if (strlen (text) != 5 || text[2] != '-' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;
  *month = (text[0] - '0') * 10 + (text[1] - '0');
  *day = (text[3] - '0') * 10 + (text[4] - '0');
  /* 2024 is a leap year: 02-29 is a valid yearly due day (it becomes the
   * last day of February in other years). */
  return g_date_valid_dmy (*day, *month, 2024);
}

static gboolean
parse_count (const char *text,
             guint      *count)
{
  char *end = NULL;
  guint64 value;

  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  value = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || value == 0 || value > 366)
    return FALSE;
  *count = (guint) value;
  return TRUE;
}

/* Describes one rule; NULL when it does not parse. */
static char *
describe_rule (const char *rule)
{
  guint month, day, count;

  if (g_str_equal (rule, "once"))
    return g_strdup (_("once"));
  if (g_str_equal (rule, "monthly"))
    return g_strdup (_("monthly"));
  if (g_str_equal (rule, "quarterly"))
    return g_strdup (_("quarterly"));
  if (g_str_equal (rule, "half-yearly"))
    return g_strdup (_("half-yearly"));
  if (g_str_equal (rule, "per-term"))
    return g_strdup (_("once per term"));
  if (g_str_has_prefix (rule, "on-event:") && parse_count (rule + strlen ("on-event:"), &count))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "within %u working day of the event",
                                         "within %u working days of the event", count),
                            count);
  if (g_str_has_prefix (rule, "yearly:") && parse_month_day (rule + strlen ("yearly:"), &month, &day))
    return g_strdup_printf (_("yearly, by %02u-%02u"), month, day);
  if (g_str_has_prefix (rule, "yearly-after:") && parse_month_day (rule + strlen ("yearly-after:"), &month, &day))
    return g_strdup_printf (_("yearly, by %02u-%02u of the next year"), month, day);
  return NULL;
}

gboolean
gk_cadence_validate (const char  *cadence,
                     GError     **error)
{
  g_auto(GStrv) rules = NULL;

  if (cadence == NULL || *cadence == '\0')
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("The cadence is empty"));
      return FALSE;
    }

  rules = g_strsplit (cadence, ";", -1);
  for (guint i = 0; rules[i] != NULL; i++)
    {
      g_autofree char *description = describe_rule (rules[i]);

      if (description == NULL)
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                       _("“%s” is not a cadence; use once, on-event:N, monthly, quarterly, half-yearly, yearly:MM-DD, yearly-after:MM-DD or per-term, joined with ;"),
                       rules[i]);
          return FALSE;
        }
    }
  return TRUE;
}

char *
gk_cadence_describe (const char *cadence)
{
  g_auto(GStrv) rules = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (cadence != NULL, NULL);

  rules = g_strsplit (cadence, ";", -1);
  for (guint i = 0; rules[i] != NULL; i++)
    {
      char *description = describe_rule (rules[i]);

      g_ptr_array_add (parts, description ? description : g_strdup (rules[i]));
    }
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: separates the rules of one cadence, e.g. "yearly, by 03-31; …" */
  return g_strjoinv (_("; "), (char **) parts->pdata);
}
