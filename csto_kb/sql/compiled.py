"""SQL compiled from csto_kb/sql/definitions.py by `python -m csto_kb.sql.generate`; do not edit."""

SQL: dict[str, dict[str, str]] = {'postgresql': {'about_of': 'SELECT statement_about.statement_id, statement_about.entity_id FROM '
                            'statement_about WHERE statement_about.statement_id IN (__ids__) ORDER BY '
                            'statement_about.statement_id, statement_about.entity_id',
                'dated_order': 'statement.said_on, statement.id',
                'entities': 'SELECT entity.id, entity.key FROM entity WHERE entity.id IN (__ids__)',
                'entities_by_name': 'SELECT DISTINCT entity_name.entity_id FROM entity_name JOIN entity ON '
                                    'entity_name.entity_id = entity.id AND entity.merged_into_id IS NULL '
                                    'WHERE entity_name.name_norm = %(norm)s ORDER BY entity_name.entity_id',
                'entities_by_words': 'SELECT DISTINCT entity_name.entity_id FROM entity_name JOIN entity ON '
                                     'entity_name.entity_id = entity.id AND entity.merged_into_id IS NULL '
                                     "WHERE (' ' || entity_name.name_norm || ' ') LIKE %(padded)s ESCAPE '/' "
                                     'ORDER BY entity_name.entity_id',
                'entity_by_key': 'SELECT entity.id, entity.merged_into_id FROM entity WHERE entity.key = '
                                 '%(key)s',
                'entity_merged_into': 'SELECT entity.merged_into_id FROM entity WHERE entity.id = %(id)s',
                'entity_names': 'SELECT entity_name.entity_id, entity_name.lang, entity_name.name, '
                                'entity_name.is_primary FROM entity_name WHERE entity_name.entity_id IN '
                                '(__ids__) ORDER BY entity_name.entity_id, entity_name.id',
                'evidence_of': 'SELECT evidence.statement_id, evidence.id, evidence.source_id, '
                               'evidence.span_start, evidence.span_end, evidence.method, '
                               'evidence.extractor_version, evidence.confidence, evidence.recorded_at, '
                               'evidence.recorded_by FROM evidence WHERE evidence.statement_id IN (__ids__) '
                               'AND evidence.retracted_at IS NULL ORDER BY evidence.statement_id, '
                               'evidence.id',
                'filter_about': '(statement.id IN (SELECT statement_about.statement_id FROM statement_about '
                                'WHERE statement_about.entity_id IN (SELECT entity.id FROM entity WHERE '
                                'entity.id = %(about_id)s OR entity.part_of_id = %(about_id)s)))',
                'filter_contains': "(statement.quote_norm LIKE %(contains_pattern)s ESCAPE '/')",
                'filter_contains_indexed': '(statement.id IN (SELECT statement_fts.rowid FROM statement_fts '
                                           'WHERE statement_fts.statement_fts MATCH %(contains_phrase)s))',
                'filter_date_from': '(statement.said_on >= %(date_from)s OR statement.said_on = '
                                    '%(from_year)s OR statement.said_on = %(from_month)s)',
                'filter_date_to': '(statement.said_on < %(date_to_bound)s)',
                'filter_dated': '(statement.said_on IS NOT NULL)',
                'filter_direct': "(statement.mode = 'direct')",
                'filter_live': '(statement.retracted_at IS NULL)',
                'filter_org': '(statement.speaker_id IN (SELECT entity.id FROM entity WHERE entity.id = '
                              '%(org_id)s OR entity.part_of_id = %(org_id)s OR entity.id IN (SELECT '
                              'role.person_id FROM role WHERE role.organisation_id = %(org_id)s)))',
                'filter_reported': "(statement.mode != 'direct')",
                'filter_source': '(statement.id IN (SELECT evidence.statement_id FROM evidence WHERE '
                                 'evidence.source_id = %(source_id)s AND evidence.retracted_at IS NULL))',
                'filter_speaker': '(statement.speaker_id = %(speaker_id)s)',
                'filter_undated': '(statement.said_on IS NULL)',
                'limit': 'LIMIT %(limit)s',
                'role_titles': 'SELECT role_title.role_id, role_title.lang, role_title.text, '
                               'role_title.is_original FROM role_title WHERE role_title.role_id IN (__ids__) '
                               'ORDER BY role_title.role_id, role_title.id',
                'roles': 'SELECT role.id, role.organisation_id, role.valid_from, role.valid_to FROM role '
                         'WHERE role.id IN (__ids__)',
                'sources': 'SELECT source.id, source.title, source.url, source.publisher, '
                           'source.publisher_id, source.published_on, source.published_basis, source.sha256 '
                           'FROM source WHERE source.id IN (__ids__)',
                'statement_order': 'statement.said_on IS NULL, statement.said_on, statement.id',
                'statement_select': 'SELECT statement.id, statement.speaker_mention, statement.role_text, '
                                    'statement.said_on, statement.date_text, statement.venue, '
                                    'statement.quote, statement.lang, statement.mode, statement.cue, '
                                    'statement.said_on_basis, statement.recorded_at, statement.recorded_by, '
                                    'statement.retracted_at, statement.retracted_reason, '
                                    'statement.speaker_id, statement.role_id FROM statement',
                'translations_of': 'SELECT translation.statement_id, translation.lang, translation.text, '
                                   'translation.translator FROM translation WHERE translation.statement_id '
                                   'IN (__ids__) ORDER BY translation.statement_id, translation.id',
                'undated_order': 'statement.id'},
 'sqlite': {'about_of': 'SELECT statement_about.statement_id, statement_about.entity_id FROM statement_about '
                        'WHERE statement_about.statement_id IN (__ids__) ORDER BY '
                        'statement_about.statement_id, statement_about.entity_id',
            'dated_order': 'statement.said_on, statement.id',
            'entities': 'SELECT entity.id, entity."key" FROM entity WHERE entity.id IN (__ids__)',
            'entities_by_name': 'SELECT DISTINCT entity_name.entity_id FROM entity_name JOIN entity ON '
                                'entity_name.entity_id = entity.id AND entity.merged_into_id IS NULL WHERE '
                                'entity_name.name_norm = :norm ORDER BY entity_name.entity_id',
            'entities_by_words': 'SELECT DISTINCT entity_name.entity_id FROM entity_name JOIN entity ON '
                                 'entity_name.entity_id = entity.id AND entity.merged_into_id IS NULL WHERE '
                                 "(' ' || entity_name.name_norm || ' ') LIKE :padded ESCAPE '/' ORDER BY "
                                 'entity_name.entity_id',
            'entity_by_key': 'SELECT entity.id, entity.merged_into_id FROM entity WHERE entity."key" = :key',
            'entity_merged_into': 'SELECT entity.merged_into_id FROM entity WHERE entity.id = :id',
            'entity_names': 'SELECT entity_name.entity_id, entity_name.lang, entity_name.name, '
                            'entity_name.is_primary FROM entity_name WHERE entity_name.entity_id IN '
                            '(__ids__) ORDER BY entity_name.entity_id, entity_name.id',
            'evidence_of': 'SELECT evidence.statement_id, evidence.id, evidence.source_id, '
                           'evidence.span_start, evidence.span_end, evidence.method, '
                           'evidence.extractor_version, evidence.confidence, evidence.recorded_at, '
                           'evidence.recorded_by FROM evidence WHERE evidence.statement_id IN (__ids__) AND '
                           'evidence.retracted_at IS NULL ORDER BY evidence.statement_id, evidence.id',
            'filter_about': '(statement.id IN (SELECT statement_about.statement_id FROM statement_about '
                            'WHERE statement_about.entity_id IN (SELECT entity.id FROM entity WHERE '
                            'entity.id = :about_id OR entity.part_of_id = :about_id)))',
            'filter_contains': "(statement.quote_norm LIKE :contains_pattern ESCAPE '/')",
            'filter_contains_indexed': '(statement.id IN (SELECT statement_fts.rowid FROM statement_fts '
                                       'WHERE statement_fts.statement_fts MATCH :contains_phrase))',
            'filter_date_from': '(statement.said_on >= :date_from OR statement.said_on = :from_year OR '
                                'statement.said_on = :from_month)',
            'filter_date_to': '(statement.said_on < :date_to_bound)',
            'filter_dated': '(statement.said_on IS NOT NULL)',
            'filter_direct': "(statement.mode = 'direct')",
            'filter_live': '(statement.retracted_at IS NULL)',
            'filter_org': '(statement.speaker_id IN (SELECT entity.id FROM entity WHERE entity.id = :org_id '
                          'OR entity.part_of_id = :org_id OR entity.id IN (SELECT role.person_id FROM role '
                          'WHERE role.organisation_id = :org_id)))',
            'filter_reported': "(statement.mode != 'direct')",
            'filter_source': '(statement.id IN (SELECT evidence.statement_id FROM evidence WHERE '
                             'evidence.source_id = :source_id AND evidence.retracted_at IS NULL))',
            'filter_speaker': '(statement.speaker_id = :speaker_id)',
            'filter_undated': '(statement.said_on IS NULL)',
            'limit': 'LIMIT :limit',
            'role_titles': 'SELECT role_title.role_id, role_title.lang, role_title.text, '
                           'role_title.is_original FROM role_title WHERE role_title.role_id IN (__ids__) '
                           'ORDER BY role_title.role_id, role_title.id',
            'roles': 'SELECT role.id, role.organisation_id, role.valid_from, role.valid_to FROM role WHERE '
                     'role.id IN (__ids__)',
            'sources': 'SELECT source.id, source.title, source.url, source.publisher, source.publisher_id, '
                       'source.published_on, source.published_basis, source.sha256 FROM source WHERE '
                       'source.id IN (__ids__)',
            'statement_order': 'statement.said_on IS NULL, statement.said_on, statement.id',
            'statement_select': 'SELECT statement.id, statement.speaker_mention, statement.role_text, '
                                'statement.said_on, statement.date_text, statement.venue, statement.quote, '
                                'statement.lang, statement.mode, statement.cue, statement.said_on_basis, '
                                'statement.recorded_at, statement.recorded_by, statement.retracted_at, '
                                'statement.retracted_reason, statement.speaker_id, statement.role_id FROM '
                                'statement',
            'translations_of': 'SELECT translation.statement_id, translation.lang, translation.text, '
                               'translation.translator FROM translation WHERE translation.statement_id IN '
                               '(__ids__) ORDER BY translation.statement_id, translation.id',
            'undated_order': 'statement.id'}}
