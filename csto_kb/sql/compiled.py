"""SQL compiled from csto_kb/sql/definitions.py by `python -m csto_kb.sql.generate`; do not edit."""

SQL: dict[str, dict[str, str]] = {'postgresql': {'entities_by_name': 'SELECT DISTINCT entity_name.entity_id FROM entity_name JOIN entity ON '
                                    'entity_name.entity_id = entity.id AND entity.merged_into_id IS NULL '
                                    'WHERE entity_name.name_norm = %(norm)s ORDER BY entity_name.entity_id',
                'entities_by_words': 'SELECT DISTINCT entity_name.entity_id FROM entity_name JOIN entity ON '
                                     'entity_name.entity_id = entity.id AND entity.merged_into_id IS NULL '
                                     "WHERE (' ' || entity_name.name_norm || ' ') LIKE %(padded)s ESCAPE '/' "
                                     'ORDER BY entity_name.entity_id',
                'entity_by_key': 'SELECT entity.id, entity.merged_into_id FROM entity WHERE entity.key = '
                                 '%(key)s',
                'entity_merged_into': 'SELECT entity.merged_into_id FROM entity WHERE entity.id = %(id)s',
                'filter_about': '(statement.id IN (SELECT statement_about.statement_id FROM statement_about '
                                'WHERE statement_about.entity_id IN (SELECT entity.id FROM entity WHERE '
                                'entity.id = %(about_id)s OR entity.part_of_id = %(about_id)s)))',
                'filter_contains': "(statement.quote_norm LIKE %(contains_pattern)s ESCAPE '/')",
                'filter_contains_indexed': '(statement.id IN (SELECT statement_fts.rowid FROM statement_fts '
                                           'WHERE statement_fts.statement_fts MATCH %(contains_phrase)s))',
                'filter_date_from': '(statement.said_on >= %(date_from)s OR statement.said_on = '
                                    '%(from_year)s OR statement.said_on = %(from_month)s)',
                'filter_date_to': '(statement.said_on < %(date_to_bound)s)',
                'filter_direct': "(statement.mode = 'direct')",
                'filter_live': '(statement.retracted_at IS NULL)',
                'filter_org': '(statement.speaker_id IN (SELECT entity.id FROM entity WHERE entity.id = '
                              '%(org_id)s OR entity.part_of_id = %(org_id)s OR entity.id IN (SELECT '
                              'role.person_id FROM role WHERE role.organisation_id = %(org_id)s)))',
                'filter_reported': "(statement.mode != 'direct')",
                'filter_source': '(statement.id IN (SELECT evidence.statement_id FROM evidence WHERE '
                                 'evidence.source_id = %(source_id)s AND evidence.retracted_at IS NULL))',
                'filter_speaker': '(statement.speaker_id = %(speaker_id)s)',
                'limit': 'LIMIT %(limit)s',
                'statement_order': 'statement.said_on IS NULL, statement.said_on, statement.id',
                'statement_select': 'SELECT statement.id, statement.speaker_mention, statement.role_text, '
                                    'statement.said_on, statement.date_text, statement.venue, '
                                    'statement.quote, statement.lang, statement.mode, statement.cue, '
                                    'statement.said_on_basis, first_evidence.span_start, '
                                    'first_evidence.span_end, first_evidence.method, '
                                    'first_evidence.confidence, statement.recorded_at, '
                                    'statement.recorded_by, statement.retracted_at, '
                                    'statement.retracted_reason, speaker.id AS speaker_id, speaker.key AS '
                                    'speaker_key, (SELECT entity_name.name FROM entity_name WHERE '
                                    "entity_name.entity_id = speaker.id AND entity_name.lang = 'en' ORDER BY "
                                    'CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                                    'LIMIT 1) AS speaker_name_en, (SELECT entity_name.name FROM entity_name '
                                    "WHERE entity_name.entity_id = speaker.id AND entity_name.lang = 'ar' "
                                    'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, '
                                    'entity_name.id LIMIT 1) AS speaker_name_ar, role.id AS role_id, (SELECT '
                                    "coalesce(json_agg(json_build_object('id', role_title.id, 'lang', "
                                    "role_title.lang, 'text', role_title.text, 'is_original', "
                                    "role_title.is_original)), '[]'::json) AS json_rows_1 FROM role_title "
                                    'WHERE role_title.role_id = role.id) AS role_titles, role.valid_from AS '
                                    'role_valid_from, role.valid_to AS role_valid_to, organisation.id AS '
                                    'organisation_id, organisation.key AS organisation_key, (SELECT '
                                    'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                    "organisation.id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                                    'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1) AS '
                                    'organisation_name_en, (SELECT entity_name.name FROM entity_name WHERE '
                                    "entity_name.entity_id = organisation.id AND entity_name.lang = 'ar' "
                                    'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, '
                                    'entity_name.id LIMIT 1) AS organisation_name_ar, source.id AS '
                                    'source_id, source.title AS source_title, source.url AS source_url, '
                                    'source.publisher AS source_publisher, coalesce((SELECT entity_name.name '
                                    'FROM entity_name WHERE entity_name.entity_id = publisher.id AND '
                                    "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN "
                                    '0 ELSE 1 END, entity_name.id LIMIT 1), (SELECT entity_name.name FROM '
                                    'entity_name WHERE entity_name.entity_id = publisher.id AND '
                                    "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN "
                                    '0 ELSE 1 END, entity_name.id LIMIT 1), (SELECT entity_name.name FROM '
                                    'entity_name WHERE entity_name.entity_id = publisher.id ORDER BY '
                                    'entity_name.id LIMIT 1), publisher.key) AS source_publisher_entity, '
                                    'source.published_on AS source_published_on, source.published_basis AS '
                                    'source_published_basis, source.sha256 AS source_sha256, (SELECT '
                                    "coalesce(json_agg(json_build_object('id', translation.id, 'lang', "
                                    "translation.lang, 'text', translation.text, 'translator', "
                                    "translation.translator)), '[]'::json) AS json_rows_2 FROM translation "
                                    'WHERE translation.statement_id = statement.id) AS translations, (SELECT '
                                    "coalesce(json_agg(json_build_object('id', statement_about.entity_id, "
                                    "'key', (SELECT entity.key FROM entity WHERE entity.id = "
                                    "statement_about.entity_id), 'name_en', (SELECT entity_name.name FROM "
                                    'entity_name WHERE entity_name.entity_id = statement_about.entity_id AND '
                                    "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN "
                                    "0 ELSE 1 END, entity_name.id LIMIT 1), 'name_ar', (SELECT "
                                    'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                    "statement_about.entity_id AND entity_name.lang = 'ar' ORDER BY CASE "
                                    'WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT '
                                    "1))), '[]'::json) AS json_rows_3 FROM statement_about WHERE "
                                    'statement_about.statement_id = statement.id) AS about, (SELECT '
                                    "coalesce(json_agg(json_build_object('id', evidence.id, 'source_id', "
                                    "evidence.source_id, 'title', evidence_source.title, 'url', "
                                    "evidence_source.url, 'publisher', evidence_source.publisher, "
                                    "'publisher_entity', coalesce((SELECT entity_name.name FROM entity_name "
                                    'WHERE entity_name.entity_id = evidence_publisher.id AND '
                                    "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN "
                                    '0 ELSE 1 END, entity_name.id LIMIT 1), (SELECT entity_name.name FROM '
                                    'entity_name WHERE entity_name.entity_id = evidence_publisher.id AND '
                                    "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN "
                                    '0 ELSE 1 END, entity_name.id LIMIT 1), (SELECT entity_name.name FROM '
                                    'entity_name WHERE entity_name.entity_id = evidence_publisher.id ORDER '
                                    "BY entity_name.id LIMIT 1), evidence_publisher.key), 'published_on', "
                                    "evidence_source.published_on, 'published_basis', "
                                    "evidence_source.published_basis, 'sha256', evidence_source.sha256, "
                                    "'span_start', evidence.span_start, 'span_end', evidence.span_end, "
                                    "'method', evidence.method, 'extractor_version', "
                                    "evidence.extractor_version, 'confidence', evidence.confidence, "
                                    "'recorded_at', evidence.recorded_at, 'recorded_by', "
                                    "evidence.recorded_by)), '[]'::json) AS json_rows_4 FROM evidence JOIN "
                                    'source AS evidence_source ON evidence_source.id = evidence.source_id '
                                    'LEFT OUTER JOIN entity AS evidence_publisher ON evidence_publisher.id = '
                                    'evidence_source.publisher_id WHERE evidence.statement_id = statement.id '
                                    'AND evidence.retracted_at IS NULL) AS evidence FROM statement JOIN '
                                    'entity AS speaker ON speaker.id = statement.speaker_id JOIN evidence AS '
                                    'first_evidence ON first_evidence.id = (SELECT min(evidence.id) AS min_1 '
                                    'FROM evidence WHERE evidence.statement_id = statement.id AND '
                                    'evidence.retracted_at IS NULL) JOIN source ON source.id = '
                                    'first_evidence.source_id LEFT OUTER JOIN role ON role.id = '
                                    'statement.role_id LEFT OUTER JOIN entity AS organisation ON '
                                    'organisation.id = role.organisation_id LEFT OUTER JOIN entity AS '
                                    'publisher ON publisher.id = source.publisher_id'},
 'sqlite': {'entities_by_name': 'SELECT DISTINCT entity_name.entity_id FROM entity_name JOIN entity ON '
                                'entity_name.entity_id = entity.id AND entity.merged_into_id IS NULL WHERE '
                                'entity_name.name_norm = :norm ORDER BY entity_name.entity_id',
            'entities_by_words': 'SELECT DISTINCT entity_name.entity_id FROM entity_name JOIN entity ON '
                                 'entity_name.entity_id = entity.id AND entity.merged_into_id IS NULL WHERE '
                                 "(' ' || entity_name.name_norm || ' ') LIKE :padded ESCAPE '/' ORDER BY "
                                 'entity_name.entity_id',
            'entity_by_key': 'SELECT entity.id, entity.merged_into_id FROM entity WHERE entity."key" = :key',
            'entity_merged_into': 'SELECT entity.merged_into_id FROM entity WHERE entity.id = :id',
            'filter_about': '(statement.id IN (SELECT statement_about.statement_id FROM statement_about '
                            'WHERE statement_about.entity_id IN (SELECT entity.id FROM entity WHERE '
                            'entity.id = :about_id OR entity.part_of_id = :about_id)))',
            'filter_contains': "(statement.quote_norm LIKE :contains_pattern ESCAPE '/')",
            'filter_contains_indexed': '(statement.id IN (SELECT statement_fts.rowid FROM statement_fts '
                                       'WHERE statement_fts.statement_fts MATCH :contains_phrase))',
            'filter_date_from': '(statement.said_on >= :date_from OR statement.said_on = :from_year OR '
                                'statement.said_on = :from_month)',
            'filter_date_to': '(statement.said_on < :date_to_bound)',
            'filter_direct': "(statement.mode = 'direct')",
            'filter_live': '(statement.retracted_at IS NULL)',
            'filter_org': '(statement.speaker_id IN (SELECT entity.id FROM entity WHERE entity.id = :org_id '
                          'OR entity.part_of_id = :org_id OR entity.id IN (SELECT role.person_id FROM role '
                          'WHERE role.organisation_id = :org_id)))',
            'filter_reported': "(statement.mode != 'direct')",
            'filter_source': '(statement.id IN (SELECT evidence.statement_id FROM evidence WHERE '
                             'evidence.source_id = :source_id AND evidence.retracted_at IS NULL))',
            'filter_speaker': '(statement.speaker_id = :speaker_id)',
            'limit': 'LIMIT :limit',
            'statement_order': 'statement.said_on IS NULL, statement.said_on, statement.id',
            'statement_select': 'SELECT statement.id, statement.speaker_mention, statement.role_text, '
                                'statement.said_on, statement.date_text, statement.venue, statement.quote, '
                                'statement.lang, statement.mode, statement.cue, statement.said_on_basis, '
                                'first_evidence.span_start, first_evidence.span_end, first_evidence.method, '
                                'first_evidence.confidence, statement.recorded_at, statement.recorded_by, '
                                'statement.retracted_at, statement.retracted_reason, speaker.id AS '
                                'speaker_id, speaker."key" AS speaker_key, (SELECT entity_name.name FROM '
                                'entity_name WHERE entity_name.entity_id = speaker.id AND entity_name.lang = '
                                "'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                                'entity_name.id LIMIT 1 OFFSET 0) AS speaker_name_en, (SELECT '
                                'entity_name.name FROM entity_name WHERE entity_name.entity_id = speaker.id '
                                "AND entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN "
                                '0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0) AS speaker_name_ar, role.id '
                                "AS role_id, (SELECT json_group_array(json(json_object('id', role_title.id, "
                                "'lang', role_title.lang, 'text', role_title.text, 'is_original', "
                                'role_title.is_original))) AS json_rows_1 FROM role_title WHERE '
                                'role_title.role_id = role.id) AS role_titles, role.valid_from AS '
                                'role_valid_from, role.valid_to AS role_valid_to, organisation.id AS '
                                'organisation_id, organisation."key" AS organisation_key, (SELECT '
                                'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                "organisation.id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                                'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0) '
                                'AS organisation_name_en, (SELECT entity_name.name FROM entity_name WHERE '
                                "entity_name.entity_id = organisation.id AND entity_name.lang = 'ar' ORDER "
                                'BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT '
                                '1 OFFSET 0) AS organisation_name_ar, source.id AS source_id, source.title '
                                'AS source_title, source.url AS source_url, source.publisher AS '
                                'source_publisher, coalesce((SELECT entity_name.name FROM entity_name WHERE '
                                "entity_name.entity_id = publisher.id AND entity_name.lang = 'en' ORDER BY "
                                'CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 '
                                'OFFSET 0), (SELECT entity_name.name FROM entity_name WHERE '
                                "entity_name.entity_id = publisher.id AND entity_name.lang = 'ar' ORDER BY "
                                'CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 '
                                'OFFSET 0), (SELECT entity_name.name FROM entity_name WHERE '
                                'entity_name.entity_id = publisher.id ORDER BY entity_name.id LIMIT 1 OFFSET '
                                '0), publisher."key") AS source_publisher_entity, source.published_on AS '
                                'source_published_on, source.published_basis AS source_published_basis, '
                                'source.sha256 AS source_sha256, (SELECT '
                                "json_group_array(json(json_object('id', translation.id, 'lang', "
                                "translation.lang, 'text', translation.text, 'translator', "
                                'translation.translator))) AS json_rows_2 FROM translation WHERE '
                                'translation.statement_id = statement.id) AS translations, (SELECT '
                                "json_group_array(json(json_object('id', statement_about.entity_id, 'key', "
                                '(SELECT entity."key" FROM entity WHERE entity.id = '
                                "statement_about.entity_id), 'name_en', (SELECT entity_name.name FROM "
                                'entity_name WHERE entity_name.entity_id = statement_about.entity_id AND '
                                "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 "
                                "ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), 'name_ar', (SELECT "
                                'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                "statement_about.entity_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET '
                                '0)))) AS json_rows_3 FROM statement_about WHERE '
                                'statement_about.statement_id = statement.id) AS about, (SELECT '
                                "json_group_array(json(json_object('id', evidence.id, 'source_id', "
                                "evidence.source_id, 'title', evidence_source.title, 'url', "
                                "evidence_source.url, 'publisher', evidence_source.publisher, "
                                "'publisher_entity', coalesce((SELECT entity_name.name FROM entity_name "
                                'WHERE entity_name.entity_id = evidence_publisher.id AND entity_name.lang = '
                                "'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                                'entity_name.id LIMIT 1 OFFSET 0), (SELECT entity_name.name FROM entity_name '
                                'WHERE entity_name.entity_id = evidence_publisher.id AND entity_name.lang = '
                                "'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                                'entity_name.id LIMIT 1 OFFSET 0), (SELECT entity_name.name FROM entity_name '
                                'WHERE entity_name.entity_id = evidence_publisher.id ORDER BY entity_name.id '
                                'LIMIT 1 OFFSET 0), evidence_publisher."key"), \'published_on\', '
                                "evidence_source.published_on, 'published_basis', "
                                "evidence_source.published_basis, 'sha256', evidence_source.sha256, "
                                "'span_start', evidence.span_start, 'span_end', evidence.span_end, 'method', "
                                "evidence.method, 'extractor_version', evidence.extractor_version, "
                                "'confidence', evidence.confidence, 'recorded_at', evidence.recorded_at, "
                                "'recorded_by', evidence.recorded_by))) AS json_rows_4 FROM evidence JOIN "
                                'source AS evidence_source ON evidence_source.id = evidence.source_id LEFT '
                                'OUTER JOIN entity AS evidence_publisher ON evidence_publisher.id = '
                                'evidence_source.publisher_id WHERE evidence.statement_id = statement.id AND '
                                'evidence.retracted_at IS NULL) AS evidence FROM statement JOIN entity AS '
                                'speaker ON speaker.id = statement.speaker_id JOIN evidence AS '
                                'first_evidence ON first_evidence.id = (SELECT min(evidence.id) AS min_1 '
                                'FROM evidence WHERE evidence.statement_id = statement.id AND '
                                'evidence.retracted_at IS NULL) JOIN source ON source.id = '
                                'first_evidence.source_id LEFT OUTER JOIN role ON role.id = '
                                'statement.role_id LEFT OUTER JOIN entity AS organisation ON organisation.id '
                                '= role.organisation_id LEFT OUTER JOIN entity AS publisher ON publisher.id '
                                '= source.publisher_id'}}
