#include "core/gk-search.h"

char *
gk_search_fts_phrase (const char *query)
{
  g_autoptr(GString) phrase = g_string_new ("\"");

  for (const char *p = query; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');
  return g_string_free (g_steal_pointer (&phrase), FALSE);
}

gboolean
gk_search_use_index (const char *query)
{
  return g_utf8_strlen (query, -1) >= GK_SEARCH_MIN_TRIGRAM_CHARS;
}
