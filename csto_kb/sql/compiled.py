"""SQL compiled from csto_kb/sql/definitions.py (SQL) and csto_kb/sql/factsheet_definitions.py (FACT_SQL),
and the tables the change log records (TRACKED_TABLES), by `python -m csto_kb.sql.generate`; do not
edit."""

SQL: dict[str, dict[str, str]] = {'postgresql': {'about_of': 'SELECT statement_about.statement_id, statement_about.entity_id FROM '
                            'statement_about WHERE statement_about.statement_id IN ({ids}) ORDER BY '
                            'statement_about.statement_id, statement_about.entity_id',
                'all_entity_names': 'SELECT entity_name.name_norm, entity_name.name FROM entity_name ORDER '
                                    'BY entity_name.id',
                'any_evidence_of': 'SELECT evidence.statement_id, evidence.source_id, evidence.span_start, '
                                   'evidence.span_end, evidence.method, evidence.confidence FROM evidence '
                                   'WHERE evidence.statement_id IN ({ids}) ORDER BY evidence.statement_id, '
                                   'evidence.id',
                'candidate': 'SELECT candidate.id, candidate.source_id, candidate.kind, candidate.status, '
                             'candidate.position, candidate.payload, candidate.extractor_version, '
                             'candidate.confidence, candidate.recorded_at, candidate.decided_at, '
                             'candidate.decided_by, candidate.reason, candidate.statement_id, '
                             'candidate.force_level_id FROM candidate WHERE candidate.id = %(id)s',
                'candidate_filter_kind': '(candidate.kind = %(kind)s)',
                'candidate_filter_source': '(candidate.source_id = %(source_id)s)',
                'candidate_filter_status': '(candidate.status = %(status)s)',
                'candidate_order_doubtful': 'candidate.confidence, candidate.source_id, candidate.kind, '
                                            'candidate.position',
                'candidate_order_text': 'candidate.source_id, candidate.kind, candidate.position',
                'candidate_select': 'SELECT candidate.id, candidate.source_id, candidate.kind, '
                                    'candidate.status, candidate.position, candidate.payload, '
                                    'candidate.extractor_version, candidate.confidence, '
                                    'candidate.recorded_at, candidate.decided_at, candidate.decided_by, '
                                    'candidate.reason, candidate.statement_id, candidate.force_level_id FROM '
                                    'candidate',
                'change_filter_by': '(change.by = %(by)s)',
                'change_filter_since': '(change.at >= %(since)s)',
                'change_filter_table': '(change.table_name = %(table)s)',
                'change_log_order': 'change.id DESC',
                'change_log_select': 'SELECT change.table_name, change.row_id, change.id, change.at, '
                                     'change.by, change.action, change.reason, change.before, change.after '
                                     'FROM change',
                'changes_of': 'SELECT change.id, change.at, change.by, change.action, change.reason, '
                              'change.before, change.after FROM change WHERE change.table_name = %(table)s '
                              'AND change.row_id = %(row_id)s ORDER BY change.id',
                'changes_up_to': 'SELECT change.row_id, change.action, change.after FROM change WHERE '
                                 'change.table_name = %(table)s AND (change.row_id IN ({ids})) AND change.at '
                                 '<= %(moment)s ORDER BY change.id',
                'dated_order': 'statement.said_on, statement.id',
                'entities': 'SELECT entity.id, entity.key FROM entity WHERE entity.id IN ({ids})',
                'entities_by_name': 'SELECT DISTINCT entity_name.entity_id FROM entity_name JOIN entity ON '
                                    'entity_name.entity_id = entity.id AND entity.merged_into_id IS NULL '
                                    'WHERE entity_name.name_norm = %(norm)s ORDER BY entity_name.entity_id',
                'entities_by_words': 'SELECT DISTINCT entity_name.entity_id FROM entity_name JOIN entity ON '
                                     'entity_name.entity_id = entity.id AND entity.merged_into_id IS NULL '
                                     "WHERE (' ' || entity_name.name_norm || ' ') LIKE %(padded)s ESCAPE '/' "
                                     'ORDER BY entity_name.entity_id',
                'entity_by_key': 'SELECT entity.id, entity.merged_into_id FROM entity WHERE entity.key = '
                                 '%(key)s',
                'entity_detail': 'SELECT entity.kind, entity.description, parent.key FROM entity LEFT OUTER '
                                 'JOIN entity AS parent ON parent.id = entity.part_of_id WHERE entity.id = '
                                 '%(id)s',
                'entity_list': 'SELECT entity.id, entity.kind, entity.description, parent.key FROM entity '
                               'LEFT OUTER JOIN entity AS parent ON parent.id = entity.part_of_id WHERE '
                               'entity.merged_into_id IS NULL ORDER BY entity.kind, entity.key',
                'entity_list_of_kind': 'SELECT entity.id, entity.kind, entity.description, parent.key FROM '
                                       'entity LEFT OUTER JOIN entity AS parent ON parent.id = '
                                       'entity.part_of_id WHERE entity.merged_into_id IS NULL AND '
                                       'entity.kind = %(kind)s ORDER BY entity.kind, entity.key',
                'entity_merged_into': 'SELECT entity.merged_into_id FROM entity WHERE entity.id = %(id)s',
                'entity_names': 'SELECT entity_name.entity_id, entity_name.lang, entity_name.name, '
                                'entity_name.is_primary FROM entity_name WHERE entity_name.entity_id IN '
                                '({ids}) ORDER BY entity_name.entity_id, entity_name.id',
                'evidence_ids_of': 'SELECT evidence.id FROM evidence WHERE evidence.statement_id IN ({ids}) '
                                   'ORDER BY evidence.id',
                'evidence_of': 'SELECT evidence.statement_id, evidence.id, evidence.source_id, '
                               'evidence.span_start, evidence.span_end, evidence.method, '
                               'evidence.extractor_version, evidence.confidence, evidence.recorded_at, '
                               'evidence.recorded_by FROM evidence WHERE (evidence.statement_id IN ({ids})) '
                               'AND evidence.retracted_at IS NULL ORDER BY evidence.statement_id, '
                               'evidence.id',
                'external_ids_in': 'SELECT external_id.entity_id, external_id.scheme, external_id.value FROM '
                                   'external_id WHERE external_id.entity_id IN ({ids}) ORDER BY '
                                   'external_id.entity_id, external_id.scheme',
                'external_ids_of': 'SELECT external_id.scheme, external_id.value FROM external_id WHERE '
                                   'external_id.entity_id = %(id)s ORDER BY external_id.scheme',
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
                'latest_change': 'SELECT coalesce(max(change.id), 0) AS coalesce_1 FROM change',
                'limit': 'LIMIT %(limit)s',
                'pending_candidates': 'SELECT candidate.id, candidate.source_id, candidate.kind, '
                                      'candidate.status, candidate.position, candidate.payload, '
                                      'candidate.extractor_version, candidate.confidence, '
                                      'candidate.recorded_at, candidate.decided_at, candidate.decided_by, '
                                      'candidate.reason, candidate.statement_id, candidate.force_level_id '
                                      "FROM candidate WHERE candidate.status = 'pending' ORDER BY "
                                      'candidate.confidence, candidate.source_id, candidate.kind, '
                                      'candidate.position LIMIT %(limit)s',
                'pending_candidates_of_source': 'SELECT candidate.id, candidate.source_id, candidate.kind, '
                                                'candidate.status, candidate.position, candidate.payload, '
                                                'candidate.extractor_version, candidate.confidence, '
                                                'candidate.recorded_at, candidate.decided_at, '
                                                'candidate.decided_by, candidate.reason, '
                                                'candidate.statement_id, candidate.force_level_id FROM '
                                                "candidate WHERE candidate.status = 'pending' AND "
                                                'candidate.source_id = %(source_id)s ORDER BY '
                                                'candidate.confidence, candidate.source_id, candidate.kind, '
                                                'candidate.position LIMIT %(limit)s',
                'pending_count': 'SELECT count(candidate.id) AS count_1 FROM candidate WHERE '
                                 "candidate.status = 'pending'",
                'pending_count_of_source': 'SELECT count(candidate.id) AS count_1 FROM candidate WHERE '
                                           "candidate.status = 'pending' AND candidate.source_id = "
                                           '%(source_id)s',
                'role_titles': 'SELECT role_title.role_id, role_title.lang, role_title.text, '
                               'role_title.is_original FROM role_title WHERE role_title.role_id IN ({ids}) '
                               'ORDER BY role_title.role_id, role_title.id',
                'roles': 'SELECT role.id, role.organisation_id, role.valid_from, role.valid_to FROM role '
                         'WHERE role.id IN ({ids})',
                'roles_of_person': 'SELECT role.id FROM role WHERE role.person_id = %(id)s AND '
                                   'role.retracted_at IS NULL ORDER BY role.valid_from IS NULL, '
                                   'role.valid_from, role.id',
                'source_detail': 'SELECT source.title, source.url, source.publisher, source.lang, '
                                 'source.published_on, source.published_basis, source.published_note, '
                                 'source.kind, source.file_name, source.sha256, source.body_chars, '
                                 'source.added_at, source.body FROM source WHERE source.id = %(id)s',
                'source_list': 'SELECT source.id, source.title, source.url, source.publisher, source.lang, '
                               'source.published_on, source.published_basis, source.published_note, '
                               'source.kind, source.file_name, source.sha256, source.body_chars, '
                               'source.added_at FROM source ORDER BY source.id',
                'source_spans': 'SELECT evidence.id, CASE WHEN (evidence.statement_id IS NOT NULL) THEN '
                                "'statement' WHEN (evidence.membership_id IS NOT NULL) THEN 'membership' "
                                "WHEN (evidence.role_id IS NOT NULL) THEN 'role' WHEN "
                                "(evidence.force_level_id IS NOT NULL) THEN 'force_level' WHEN "
                                "(evidence.event_id IS NOT NULL) THEN 'event' WHEN "
                                "(evidence.organisation_fact_id IS NOT NULL) THEN 'organisation_fact' END AS "
                                'claim_table, coalesce(evidence.statement_id, evidence.membership_id, '
                                'evidence.role_id, evidence.force_level_id, evidence.event_id, '
                                'evidence.organisation_fact_id) AS claim_id, evidence.span_start, '
                                'evidence.span_end, span_entity.key FROM evidence LEFT OUTER JOIN membership '
                                'AS span_membership ON span_membership.id = evidence.membership_id LEFT '
                                'OUTER JOIN role AS span_role ON span_role.id = evidence.role_id LEFT OUTER '
                                'JOIN force_level AS span_force_level ON span_force_level.id = '
                                'evidence.force_level_id LEFT OUTER JOIN organisation_fact AS span_fact ON '
                                'span_fact.id = evidence.organisation_fact_id LEFT OUTER JOIN entity AS '
                                'span_entity ON span_entity.id = coalesce(span_membership.member_id, '
                                'span_role.person_id, span_force_level.organisation_id, '
                                'span_fact.subject_id, (SELECT event_participant.entity_id FROM '
                                'event_participant WHERE event_participant.event_id = evidence.event_id '
                                'ORDER BY event_participant.entity_id, event_participant.role LIMIT 1)) '
                                'WHERE evidence.source_id = %(id)s AND evidence.retracted_at IS NULL AND '
                                'evidence.span_start IS NOT NULL ORDER BY evidence.span_start, '
                                'evidence.span_end DESC, evidence.id',
                'source_statement_count': 'SELECT count(evidence.id) AS count_1 FROM evidence WHERE '
                                          'evidence.source_id = %(id)s AND evidence.statement_id IS NOT NULL '
                                          'AND evidence.retracted_at IS NULL',
                'source_statement_counts': 'SELECT evidence.source_id, count(evidence.id) AS count_1 FROM '
                                           'evidence WHERE evidence.statement_id IS NOT NULL AND '
                                           'evidence.retracted_at IS NULL GROUP BY evidence.source_id',
                'source_texts': 'SELECT source.id, source.lang, source.body FROM source WHERE source.id IN '
                                '({ids})',
                'sources': 'SELECT source.id, source.title, source.url, source.publisher, '
                           'source.publisher_id, source.published_on, source.published_basis, source.sha256 '
                           'FROM source WHERE source.id IN ({ids})',
                'statement_order': 'statement.said_on IS NULL, statement.said_on, statement.id',
                'statement_select': 'SELECT statement.id, statement.speaker_mention, statement.role_text, '
                                    'statement.said_on, statement.date_text, statement.venue, '
                                    'statement.quote, statement.lang, statement.mode, statement.cue, '
                                    'statement.said_on_basis, statement.recorded_at, statement.recorded_by, '
                                    'statement.retracted_at, statement.retracted_reason, '
                                    'statement.speaker_id, statement.role_id FROM statement',
                'translations_of': 'SELECT translation.statement_id, translation.lang, translation.text, '
                                   'translation.translator FROM translation WHERE translation.statement_id '
                                   'IN ({ids}) ORDER BY translation.statement_id, translation.id',
                'undated_order': 'statement.id'},
 'sqlite': {'about_of': 'SELECT statement_about.statement_id, statement_about.entity_id FROM statement_about '
                        'WHERE statement_about.statement_id IN ({ids}) ORDER BY '
                        'statement_about.statement_id, statement_about.entity_id',
            'all_entity_names': 'SELECT entity_name.name_norm, entity_name.name FROM entity_name ORDER BY '
                                'entity_name.id',
            'any_evidence_of': 'SELECT evidence.statement_id, evidence.source_id, evidence.span_start, '
                               'evidence.span_end, evidence.method, evidence.confidence FROM evidence WHERE '
                               'evidence.statement_id IN ({ids}) ORDER BY evidence.statement_id, evidence.id',
            'candidate': 'SELECT candidate.id, candidate.source_id, candidate.kind, candidate.status, '
                         'candidate.position, candidate.payload, candidate.extractor_version, '
                         'candidate.confidence, candidate.recorded_at, candidate.decided_at, '
                         'candidate.decided_by, candidate.reason, candidate.statement_id, '
                         'candidate.force_level_id FROM candidate WHERE candidate.id = :id',
            'candidate_filter_kind': '(candidate.kind = :kind)',
            'candidate_filter_source': '(candidate.source_id = :source_id)',
            'candidate_filter_status': '(candidate.status = :status)',
            'candidate_order_doubtful': 'candidate.confidence, candidate.source_id, candidate.kind, '
                                        'candidate.position',
            'candidate_order_text': 'candidate.source_id, candidate.kind, candidate.position',
            'candidate_select': 'SELECT candidate.id, candidate.source_id, candidate.kind, candidate.status, '
                                'candidate.position, candidate.payload, candidate.extractor_version, '
                                'candidate.confidence, candidate.recorded_at, candidate.decided_at, '
                                'candidate.decided_by, candidate.reason, candidate.statement_id, '
                                'candidate.force_level_id FROM candidate',
            'change_filter_by': '(change."by" = :by)',
            'change_filter_since': '(change.at >= :since)',
            'change_filter_table': '(change.table_name = :table)',
            'change_log_order': 'change.id DESC',
            'change_log_select': 'SELECT change.table_name, change.row_id, change.id, change.at, '
                                 'change."by", change.action, change.reason, change."before", change."after" '
                                 'FROM change',
            'changes_of': 'SELECT change.id, change.at, change."by", change.action, change.reason, '
                          'change."before", change."after" FROM change WHERE change.table_name = :table AND '
                          'change.row_id = :row_id ORDER BY change.id',
            'changes_up_to': 'SELECT change.row_id, change.action, change."after" FROM change WHERE '
                             'change.table_name = :table AND (change.row_id IN ({ids})) AND change.at <= '
                             ':moment ORDER BY change.id',
            'dated_order': 'statement.said_on, statement.id',
            'entities': 'SELECT entity.id, entity."key" FROM entity WHERE entity.id IN ({ids})',
            'entities_by_name': 'SELECT DISTINCT entity_name.entity_id FROM entity_name JOIN entity ON '
                                'entity_name.entity_id = entity.id AND entity.merged_into_id IS NULL WHERE '
                                'entity_name.name_norm = :norm ORDER BY entity_name.entity_id',
            'entities_by_words': 'SELECT DISTINCT entity_name.entity_id FROM entity_name JOIN entity ON '
                                 'entity_name.entity_id = entity.id AND entity.merged_into_id IS NULL WHERE '
                                 "(' ' || entity_name.name_norm || ' ') LIKE :padded ESCAPE '/' ORDER BY "
                                 'entity_name.entity_id',
            'entity_by_key': 'SELECT entity.id, entity.merged_into_id FROM entity WHERE entity."key" = :key',
            'entity_detail': 'SELECT entity.kind, entity.description, parent."key" FROM entity LEFT OUTER '
                             'JOIN entity AS parent ON parent.id = entity.part_of_id WHERE entity.id = :id',
            'entity_list': 'SELECT entity.id, entity.kind, entity.description, parent."key" FROM entity LEFT '
                           'OUTER JOIN entity AS parent ON parent.id = entity.part_of_id WHERE '
                           'entity.merged_into_id IS NULL ORDER BY entity.kind, entity."key"',
            'entity_list_of_kind': 'SELECT entity.id, entity.kind, entity.description, parent."key" FROM '
                                   'entity LEFT OUTER JOIN entity AS parent ON parent.id = entity.part_of_id '
                                   'WHERE entity.merged_into_id IS NULL AND entity.kind = :kind ORDER BY '
                                   'entity.kind, entity."key"',
            'entity_merged_into': 'SELECT entity.merged_into_id FROM entity WHERE entity.id = :id',
            'entity_names': 'SELECT entity_name.entity_id, entity_name.lang, entity_name.name, '
                            'entity_name.is_primary FROM entity_name WHERE entity_name.entity_id IN ({ids}) '
                            'ORDER BY entity_name.entity_id, entity_name.id',
            'evidence_ids_of': 'SELECT evidence.id FROM evidence WHERE evidence.statement_id IN ({ids}) '
                               'ORDER BY evidence.id',
            'evidence_of': 'SELECT evidence.statement_id, evidence.id, evidence.source_id, '
                           'evidence.span_start, evidence.span_end, evidence.method, '
                           'evidence.extractor_version, evidence.confidence, evidence.recorded_at, '
                           'evidence.recorded_by FROM evidence WHERE (evidence.statement_id IN ({ids})) AND '
                           'evidence.retracted_at IS NULL ORDER BY evidence.statement_id, evidence.id',
            'external_ids_in': 'SELECT external_id.entity_id, external_id.scheme, external_id.value FROM '
                               'external_id WHERE external_id.entity_id IN ({ids}) ORDER BY '
                               'external_id.entity_id, external_id.scheme',
            'external_ids_of': 'SELECT external_id.scheme, external_id.value FROM external_id WHERE '
                               'external_id.entity_id = :id ORDER BY external_id.scheme',
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
            'latest_change': 'SELECT coalesce(max(change.id), 0) AS coalesce_1 FROM change',
            'limit': 'LIMIT :limit',
            'pending_candidates': 'SELECT candidate.id, candidate.source_id, candidate.kind, '
                                  'candidate.status, candidate.position, candidate.payload, '
                                  'candidate.extractor_version, candidate.confidence, candidate.recorded_at, '
                                  'candidate.decided_at, candidate.decided_by, candidate.reason, '
                                  'candidate.statement_id, candidate.force_level_id FROM candidate WHERE '
                                  "candidate.status = 'pending' ORDER BY candidate.confidence, "
                                  'candidate.source_id, candidate.kind, candidate.position LIMIT :limit '
                                  'OFFSET 0',
            'pending_candidates_of_source': 'SELECT candidate.id, candidate.source_id, candidate.kind, '
                                            'candidate.status, candidate.position, candidate.payload, '
                                            'candidate.extractor_version, candidate.confidence, '
                                            'candidate.recorded_at, candidate.decided_at, '
                                            'candidate.decided_by, candidate.reason, candidate.statement_id, '
                                            'candidate.force_level_id FROM candidate WHERE candidate.status '
                                            "= 'pending' AND candidate.source_id = :source_id ORDER BY "
                                            'candidate.confidence, candidate.source_id, candidate.kind, '
                                            'candidate.position LIMIT :limit OFFSET 0',
            'pending_count': 'SELECT count(candidate.id) AS count_1 FROM candidate WHERE candidate.status = '
                             "'pending'",
            'pending_count_of_source': 'SELECT count(candidate.id) AS count_1 FROM candidate WHERE '
                                       "candidate.status = 'pending' AND candidate.source_id = :source_id",
            'role_titles': 'SELECT role_title.role_id, role_title.lang, role_title.text, '
                           'role_title.is_original FROM role_title WHERE role_title.role_id IN ({ids}) ORDER '
                           'BY role_title.role_id, role_title.id',
            'roles': 'SELECT role.id, role.organisation_id, role.valid_from, role.valid_to FROM role WHERE '
                     'role.id IN ({ids})',
            'roles_of_person': 'SELECT role.id FROM role WHERE role.person_id = :id AND role.retracted_at IS '
                               'NULL ORDER BY role.valid_from IS NULL, role.valid_from, role.id',
            'source_detail': 'SELECT source.title, source.url, source.publisher, source.lang, '
                             'source.published_on, source.published_basis, source.published_note, '
                             'source.kind, source.file_name, source.sha256, source.body_chars, '
                             'source.added_at, source.body FROM source WHERE source.id = :id',
            'source_list': 'SELECT source.id, source.title, source.url, source.publisher, source.lang, '
                           'source.published_on, source.published_basis, source.published_note, source.kind, '
                           'source.file_name, source.sha256, source.body_chars, source.added_at FROM source '
                           'ORDER BY source.id',
            'source_spans': 'SELECT evidence.id, CASE WHEN (evidence.statement_id IS NOT NULL) THEN '
                            "'statement' WHEN (evidence.membership_id IS NOT NULL) THEN 'membership' WHEN "
                            "(evidence.role_id IS NOT NULL) THEN 'role' WHEN (evidence.force_level_id IS NOT "
                            "NULL) THEN 'force_level' WHEN (evidence.event_id IS NOT NULL) THEN 'event' WHEN "
                            "(evidence.organisation_fact_id IS NOT NULL) THEN 'organisation_fact' END AS "
                            'claim_table, coalesce(evidence.statement_id, evidence.membership_id, '
                            'evidence.role_id, evidence.force_level_id, evidence.event_id, '
                            'evidence.organisation_fact_id) AS claim_id, evidence.span_start, '
                            'evidence.span_end, span_entity."key" FROM evidence LEFT OUTER JOIN membership '
                            'AS span_membership ON span_membership.id = evidence.membership_id LEFT OUTER '
                            'JOIN role AS span_role ON span_role.id = evidence.role_id LEFT OUTER JOIN '
                            'force_level AS span_force_level ON span_force_level.id = '
                            'evidence.force_level_id LEFT OUTER JOIN organisation_fact AS span_fact ON '
                            'span_fact.id = evidence.organisation_fact_id LEFT OUTER JOIN entity AS '
                            'span_entity ON span_entity.id = coalesce(span_membership.member_id, '
                            'span_role.person_id, span_force_level.organisation_id, span_fact.subject_id, '
                            '(SELECT event_participant.entity_id FROM event_participant WHERE '
                            'event_participant.event_id = evidence.event_id ORDER BY '
                            'event_participant.entity_id, event_participant.role LIMIT 1 OFFSET 0)) WHERE '
                            'evidence.source_id = :id AND evidence.retracted_at IS NULL AND '
                            'evidence.span_start IS NOT NULL ORDER BY evidence.span_start, evidence.span_end '
                            'DESC, evidence.id',
            'source_statement_count': 'SELECT count(evidence.id) AS count_1 FROM evidence WHERE '
                                      'evidence.source_id = :id AND evidence.statement_id IS NOT NULL AND '
                                      'evidence.retracted_at IS NULL',
            'source_statement_counts': 'SELECT evidence.source_id, count(evidence.id) AS count_1 FROM '
                                       'evidence WHERE evidence.statement_id IS NOT NULL AND '
                                       'evidence.retracted_at IS NULL GROUP BY evidence.source_id',
            'source_texts': 'SELECT source.id, source.lang, source.body FROM source WHERE source.id IN '
                            '({ids})',
            'sources': 'SELECT source.id, source.title, source.url, source.publisher, source.publisher_id, '
                       'source.published_on, source.published_basis, source.sha256 FROM source WHERE '
                       'source.id IN ({ids})',
            'statement_order': 'statement.said_on IS NULL, statement.said_on, statement.id',
            'statement_select': 'SELECT statement.id, statement.speaker_mention, statement.role_text, '
                                'statement.said_on, statement.date_text, statement.venue, statement.quote, '
                                'statement.lang, statement.mode, statement.cue, statement.said_on_basis, '
                                'statement.recorded_at, statement.recorded_by, statement.retracted_at, '
                                'statement.retracted_reason, statement.speaker_id, statement.role_id FROM '
                                'statement',
            'translations_of': 'SELECT translation.statement_id, translation.lang, translation.text, '
                               'translation.translator FROM translation WHERE translation.statement_id IN '
                               '({ids}) ORDER BY translation.statement_id, translation.id',
            'undated_order': 'statement.id'}}

FACT_SQL: dict[str, dict[str, str]] = {'postgresql': {'about_rows': 'SELECT count(*) AS count_1 FROM (SELECT statement_about.statement_id AS '
                              'statement_id FROM statement_about WHERE statement_about.entity_id IN '
                              '({parts}) LIMIT %(count_limit)s) AS about_rows',
                'alliance': 'SELECT entity.id, entity.key, (SELECT entity_name.name FROM entity_name WHERE '
                            "entity_name.entity_id = entity.id AND entity_name.lang = 'en' ORDER BY CASE "
                            'WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1) AS '
                            'name_en, (SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id '
                            "= entity.id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                            'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1) AS name_ar, '
                            'entity.description FROM entity WHERE entity.id = %(org_id)s',
                'entity_names': 'SELECT entity_name.entity_id, entity_name.name, entity_name.lang, '
                                'entity_name.is_primary FROM entity_name WHERE entity_name.entity_id IN '
                                '({ids}) ORDER BY entity_name.id',
                'event_by_id': 'SELECT event.id, event.key, event.kind, (SELECT '
                               "coalesce(json_agg(json_build_object('id', event_title.id, 'lang', "
                               "event_title.lang, 'text', event_title.text, 'is_original', "
                               "event_title.is_original)), '[]'::json) AS json_rows_1 FROM event_title WHERE "
                               'event_title.event_id = event.id) AS titles, event.starts_on, event.ends_on, '
                               "event.date_text, (SELECT coalesce(json_agg(json_build_object('entity_id', "
                               "event_participant.entity_id, 'entity', json_build_object('id', "
                               "event_participant.entity_id, 'key', (SELECT entity.key FROM entity WHERE "
                               "entity.id = event_participant.entity_id), 'name_en', (SELECT "
                               'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                               "event_participant.entity_id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                               'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1), '
                               "'name_ar', (SELECT entity_name.name FROM entity_name WHERE "
                               'entity_name.entity_id = event_participant.entity_id AND entity_name.lang = '
                               "'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                               "entity_name.id LIMIT 1)), 'role', event_participant.role)), '[]'::json) AS "
                               'json_rows_2 FROM event_participant WHERE event_participant.event_id = '
                               'event.id) AS participants, first_evidence.source_id AS source_id, '
                               'first_evidence.span_start AS span_start, first_evidence.span_end AS '
                               'span_end, first_evidence.method AS method, event.note AS note, (SELECT '
                               "coalesce(json_agg(json_build_object('id', evidence.id, 'source_id', "
                               "evidence.source_id, 'title', evidence_source.title, 'url', "
                               "evidence_source.url, 'publisher', evidence_source.publisher, "
                               "'publisher_entity', coalesce((SELECT entity_name.name FROM entity_name WHERE "
                               "entity_name.entity_id = evidence_publisher.id AND entity_name.lang = 'en' "
                               'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                               'LIMIT 1), (SELECT entity_name.name FROM entity_name WHERE '
                               "entity_name.entity_id = evidence_publisher.id AND entity_name.lang = 'ar' "
                               'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                               'LIMIT 1), (SELECT entity_name.name FROM entity_name WHERE '
                               'entity_name.entity_id = evidence_publisher.id ORDER BY entity_name.id LIMIT '
                               "1), evidence_publisher.key), 'published_on', evidence_source.published_on, "
                               "'published_basis', evidence_source.published_basis, 'sha256', "
                               "evidence_source.sha256, 'span_start', evidence.span_start, 'span_end', "
                               "evidence.span_end, 'method', evidence.method, 'extractor_version', "
                               "evidence.extractor_version, 'confidence', evidence.confidence, "
                               "'recorded_at', evidence.recorded_at, 'recorded_by', evidence.recorded_by)), "
                               "'[]'::json) AS json_rows_3 FROM evidence JOIN source AS evidence_source ON "
                               'evidence_source.id = evidence.source_id LEFT OUTER JOIN entity AS '
                               'evidence_publisher ON evidence_publisher.id = evidence_source.publisher_id '
                               'WHERE evidence.event_id = event.id AND evidence.retracted_at IS NULL) AS '
                               'evidence FROM event LEFT OUTER JOIN evidence AS first_evidence ON '
                               'first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 FROM evidence '
                               'WHERE evidence.event_id = event.id AND evidence.retracted_at IS NULL), '
                               '(SELECT min(evidence.id) AS min_2 FROM evidence WHERE evidence.event_id = '
                               'event.id)) WHERE event.id = %(id)s',
                'event_retraction': 'SELECT event.retracted_at, event.retracted_reason FROM event WHERE '
                                    'event.id = %(id)s',
                'events': 'SELECT event.id, event.key, event.kind, (SELECT '
                          "coalesce(json_agg(json_build_object('id', event_title.id, 'lang', "
                          "event_title.lang, 'text', event_title.text, 'is_original', "
                          "event_title.is_original)), '[]'::json) AS json_rows_1 FROM event_title WHERE "
                          'event_title.event_id = event.id) AS titles, event.starts_on, event.ends_on, '
                          "event.date_text, (SELECT coalesce(json_agg(json_build_object('entity_id', "
                          "event_participant.entity_id, 'entity', json_build_object('id', "
                          "event_participant.entity_id, 'key', (SELECT entity.key FROM entity WHERE "
                          "entity.id = event_participant.entity_id), 'name_en', (SELECT entity_name.name "
                          'FROM entity_name WHERE entity_name.entity_id = event_participant.entity_id AND '
                          "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 "
                          "END, entity_name.id LIMIT 1), 'name_ar', (SELECT entity_name.name FROM "
                          'entity_name WHERE entity_name.entity_id = event_participant.entity_id AND '
                          "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 "
                          "END, entity_name.id LIMIT 1)), 'role', event_participant.role)), '[]'::json) AS "
                          'json_rows_2 FROM event_participant WHERE event_participant.event_id = event.id) '
                          'AS participants, first_evidence.source_id AS source_id, first_evidence.span_start '
                          'AS span_start, first_evidence.span_end AS span_end, first_evidence.method AS '
                          "method, event.note AS note, (SELECT coalesce(json_agg(json_build_object('id', "
                          "evidence.id, 'source_id', evidence.source_id, 'title', evidence_source.title, "
                          "'url', evidence_source.url, 'publisher', evidence_source.publisher, "
                          "'publisher_entity', coalesce((SELECT entity_name.name FROM entity_name WHERE "
                          "entity_name.entity_id = evidence_publisher.id AND entity_name.lang = 'en' ORDER "
                          'BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1), '
                          '(SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                          "evidence_publisher.id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                          'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1), (SELECT '
                          'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                          'evidence_publisher.id ORDER BY entity_name.id LIMIT 1), evidence_publisher.key), '
                          "'published_on', evidence_source.published_on, 'published_basis', "
                          "evidence_source.published_basis, 'sha256', evidence_source.sha256, 'span_start', "
                          "evidence.span_start, 'span_end', evidence.span_end, 'method', evidence.method, "
                          "'extractor_version', evidence.extractor_version, 'confidence', "
                          "evidence.confidence, 'recorded_at', evidence.recorded_at, 'recorded_by', "
                          "evidence.recorded_by)), '[]'::json) AS json_rows_3 FROM evidence JOIN source AS "
                          'evidence_source ON evidence_source.id = evidence.source_id LEFT OUTER JOIN entity '
                          'AS evidence_publisher ON evidence_publisher.id = evidence_source.publisher_id '
                          'WHERE evidence.event_id = event.id AND evidence.retracted_at IS NULL) AS evidence '
                          'FROM event LEFT OUTER JOIN evidence AS first_evidence ON first_evidence.id = '
                          'coalesce((SELECT min(evidence.id) AS min_1 FROM evidence WHERE evidence.event_id '
                          '= event.id AND evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 '
                          'FROM evidence WHERE evidence.event_id = event.id)) WHERE event.retracted_at IS '
                          'NULL ORDER BY event.starts_on IS NULL, event.starts_on, event.id',
                'events_involving': 'SELECT event.id, event.key, event.kind, (SELECT '
                                    "coalesce(json_agg(json_build_object('id', event_title.id, 'lang', "
                                    "event_title.lang, 'text', event_title.text, 'is_original', "
                                    "event_title.is_original)), '[]'::json) AS json_rows_1 FROM event_title "
                                    'WHERE event_title.event_id = event.id) AS titles, event.starts_on, '
                                    'event.ends_on, event.date_text, (SELECT '
                                    "coalesce(json_agg(json_build_object('entity_id', "
                                    "event_participant.entity_id, 'entity', json_build_object('id', "
                                    "event_participant.entity_id, 'key', (SELECT entity.key FROM entity "
                                    "WHERE entity.id = event_participant.entity_id), 'name_en', (SELECT "
                                    'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                    "event_participant.entity_id AND entity_name.lang = 'en' ORDER BY CASE "
                                    'WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1), '
                                    "'name_ar', (SELECT entity_name.name FROM entity_name WHERE "
                                    'entity_name.entity_id = event_participant.entity_id AND '
                                    "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN "
                                    "0 ELSE 1 END, entity_name.id LIMIT 1)), 'role', "
                                    "event_participant.role)), '[]'::json) AS json_rows_2 FROM "
                                    'event_participant WHERE event_participant.event_id = event.id) AS '
                                    'participants, first_evidence.source_id AS source_id, '
                                    'first_evidence.span_start AS span_start, first_evidence.span_end AS '
                                    'span_end, first_evidence.method AS method, event.note AS note, (SELECT '
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
                                    "evidence.recorded_by)), '[]'::json) AS json_rows_3 FROM evidence JOIN "
                                    'source AS evidence_source ON evidence_source.id = evidence.source_id '
                                    'LEFT OUTER JOIN entity AS evidence_publisher ON evidence_publisher.id = '
                                    'evidence_source.publisher_id WHERE evidence.event_id = event.id AND '
                                    'evidence.retracted_at IS NULL) AS evidence FROM event LEFT OUTER JOIN '
                                    'evidence AS first_evidence ON first_evidence.id = coalesce((SELECT '
                                    'min(evidence.id) AS min_1 FROM evidence WHERE evidence.event_id = '
                                    'event.id AND evidence.retracted_at IS NULL), (SELECT min(evidence.id) '
                                    'AS min_2 FROM evidence WHERE evidence.event_id = event.id)) WHERE '
                                    'event.retracted_at IS NULL AND event.id IN (SELECT '
                                    'event_participant.event_id FROM event_participant WHERE '
                                    'event_participant.entity_id IN (SELECT entity.id FROM entity WHERE '
                                    '(entity.id IN ({ids})) OR (entity.part_of_id IN ({ids})))) ORDER BY '
                                    'event.starts_on IS NULL, event.starts_on, event.id',
                'force_level_by_id': "SELECT force_level.id, json_build_object('id', "
                                     "force_level.organisation_id, 'key', (SELECT entity.key FROM entity "
                                     "WHERE entity.id = force_level.organisation_id), 'name_en', (SELECT "
                                     'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                     "force_level.organisation_id AND entity_name.lang = 'en' ORDER BY CASE "
                                     'WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT '
                                     "1), 'name_ar', (SELECT entity_name.name FROM entity_name WHERE "
                                     'entity_name.entity_id = force_level.organisation_id AND '
                                     "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN "
                                     '0 ELSE 1 END, entity_name.id LIMIT 1)) AS organisation, (SELECT '
                                     "coalesce(json_agg(json_build_object('id', force_level_unit.id, 'lang', "
                                     "force_level_unit.lang, 'text', force_level_unit.text, 'is_original', "
                                     "force_level_unit.is_original)), '[]'::json) AS json_rows_1 FROM "
                                     'force_level_unit WHERE force_level_unit.force_level_id = '
                                     'force_level.id) AS units, CASE WHEN (first_source.body IS NOT NULL AND '
                                     'first_evidence.span_start IS NOT NULL AND first_evidence.span_end IS '
                                     'NOT NULL) THEN substr(first_source.body, first_evidence.span_start + '
                                     '1, first_evidence.span_end - first_evidence.span_start) END AS '
                                     'wording, first_source.lang AS wording_lang, force_level.count, '
                                     'force_level.approximate, force_level.readiness, force_level.as_of, '
                                     "force_level.statement_id, (SELECT json_build_object('id', "
                                     "statement.speaker_id, 'key', (SELECT entity.key FROM entity WHERE "
                                     "entity.id = statement.speaker_id), 'name_en', (SELECT entity_name.name "
                                     'FROM entity_name WHERE entity_name.entity_id = statement.speaker_id '
                                     "AND entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary "
                                     "THEN 0 ELSE 1 END, entity_name.id LIMIT 1), 'name_ar', (SELECT "
                                     'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                     "statement.speaker_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                     'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1)) AS '
                                     'json_obj_1 FROM statement WHERE statement.id = '
                                     'force_level.statement_id) AS asserted_by, first_evidence.source_id AS '
                                     'source_id, first_evidence.span_start AS span_start, '
                                     'first_evidence.span_end AS span_end, first_evidence.method AS method, '
                                     'force_level.note AS note, (SELECT '
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
                                     "evidence.recorded_by)), '[]'::json) AS json_rows_2 FROM evidence JOIN "
                                     'source AS evidence_source ON evidence_source.id = evidence.source_id '
                                     'LEFT OUTER JOIN entity AS evidence_publisher ON evidence_publisher.id '
                                     '= evidence_source.publisher_id WHERE evidence.force_level_id = '
                                     'force_level.id AND evidence.retracted_at IS NULL) AS evidence FROM '
                                     'force_level LEFT OUTER JOIN evidence AS first_evidence ON '
                                     'first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 FROM '
                                     'evidence WHERE evidence.force_level_id = force_level.id AND '
                                     'evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 FROM '
                                     'evidence WHERE evidence.force_level_id = force_level.id)) LEFT OUTER '
                                     'JOIN source AS first_source ON first_source.id = '
                                     'first_evidence.source_id WHERE force_level.id = %(id)s',
                'force_level_retraction': 'SELECT force_level.retracted_at, force_level.retracted_reason '
                                          'FROM force_level WHERE force_level.id = %(id)s',
                'force_levels': "SELECT force_level.id, json_build_object('id', force_level.organisation_id, "
                                "'key', (SELECT entity.key FROM entity WHERE entity.id = "
                                "force_level.organisation_id), 'name_en', (SELECT entity_name.name FROM "
                                'entity_name WHERE entity_name.entity_id = force_level.organisation_id AND '
                                "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 "
                                "ELSE 1 END, entity_name.id LIMIT 1), 'name_ar', (SELECT entity_name.name "
                                'FROM entity_name WHERE entity_name.entity_id = force_level.organisation_id '
                                "AND entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN "
                                '0 ELSE 1 END, entity_name.id LIMIT 1)) AS organisation, (SELECT '
                                "coalesce(json_agg(json_build_object('id', force_level_unit.id, 'lang', "
                                "force_level_unit.lang, 'text', force_level_unit.text, 'is_original', "
                                "force_level_unit.is_original)), '[]'::json) AS json_rows_1 FROM "
                                'force_level_unit WHERE force_level_unit.force_level_id = force_level.id) AS '
                                'units, CASE WHEN (first_source.body IS NOT NULL AND '
                                'first_evidence.span_start IS NOT NULL AND first_evidence.span_end IS NOT '
                                'NULL) THEN substr(first_source.body, first_evidence.span_start + 1, '
                                'first_evidence.span_end - first_evidence.span_start) END AS wording, '
                                'first_source.lang AS wording_lang, force_level.count, '
                                'force_level.approximate, force_level.readiness, force_level.as_of, '
                                "force_level.statement_id, (SELECT json_build_object('id', "
                                "statement.speaker_id, 'key', (SELECT entity.key FROM entity WHERE entity.id "
                                "= statement.speaker_id), 'name_en', (SELECT entity_name.name FROM "
                                'entity_name WHERE entity_name.entity_id = statement.speaker_id AND '
                                "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 "
                                "ELSE 1 END, entity_name.id LIMIT 1), 'name_ar', (SELECT entity_name.name "
                                'FROM entity_name WHERE entity_name.entity_id = statement.speaker_id AND '
                                "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 "
                                'ELSE 1 END, entity_name.id LIMIT 1)) AS json_obj_1 FROM statement WHERE '
                                'statement.id = force_level.statement_id) AS asserted_by, '
                                'first_evidence.source_id AS source_id, first_evidence.span_start AS '
                                'span_start, first_evidence.span_end AS span_end, first_evidence.method AS '
                                'method, force_level.note AS note, (SELECT '
                                "coalesce(json_agg(json_build_object('id', evidence.id, 'source_id', "
                                "evidence.source_id, 'title', evidence_source.title, 'url', "
                                "evidence_source.url, 'publisher', evidence_source.publisher, "
                                "'publisher_entity', coalesce((SELECT entity_name.name FROM entity_name "
                                'WHERE entity_name.entity_id = evidence_publisher.id AND entity_name.lang = '
                                "'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                                'entity_name.id LIMIT 1), (SELECT entity_name.name FROM entity_name WHERE '
                                "entity_name.entity_id = evidence_publisher.id AND entity_name.lang = 'ar' "
                                'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                                'LIMIT 1), (SELECT entity_name.name FROM entity_name WHERE '
                                'entity_name.entity_id = evidence_publisher.id ORDER BY entity_name.id LIMIT '
                                "1), evidence_publisher.key), 'published_on', evidence_source.published_on, "
                                "'published_basis', evidence_source.published_basis, 'sha256', "
                                "evidence_source.sha256, 'span_start', evidence.span_start, 'span_end', "
                                "evidence.span_end, 'method', evidence.method, 'extractor_version', "
                                "evidence.extractor_version, 'confidence', evidence.confidence, "
                                "'recorded_at', evidence.recorded_at, 'recorded_by', evidence.recorded_by)), "
                                "'[]'::json) AS json_rows_2 FROM evidence JOIN source AS evidence_source ON "
                                'evidence_source.id = evidence.source_id LEFT OUTER JOIN entity AS '
                                'evidence_publisher ON evidence_publisher.id = evidence_source.publisher_id '
                                'WHERE evidence.force_level_id = force_level.id AND evidence.retracted_at IS '
                                'NULL) AS evidence FROM force_level LEFT OUTER JOIN evidence AS '
                                'first_evidence ON first_evidence.id = coalesce((SELECT min(evidence.id) AS '
                                'min_1 FROM evidence WHERE evidence.force_level_id = force_level.id AND '
                                'evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 FROM '
                                'evidence WHERE evidence.force_level_id = force_level.id)) LEFT OUTER JOIN '
                                'source AS first_source ON first_source.id = first_evidence.source_id WHERE '
                                'force_level.retracted_at IS NULL ORDER BY force_level.organisation_id, '
                                'force_level.readiness, force_level.as_of, force_level.id',
                'force_levels_of': "SELECT force_level.id, json_build_object('id', "
                                   "force_level.organisation_id, 'key', (SELECT entity.key FROM entity WHERE "
                                   "entity.id = force_level.organisation_id), 'name_en', (SELECT "
                                   'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                   "force_level.organisation_id AND entity_name.lang = 'en' ORDER BY CASE "
                                   'WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1), '
                                   "'name_ar', (SELECT entity_name.name FROM entity_name WHERE "
                                   'entity_name.entity_id = force_level.organisation_id AND entity_name.lang '
                                   "= 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                                   'entity_name.id LIMIT 1)) AS organisation, (SELECT '
                                   "coalesce(json_agg(json_build_object('id', force_level_unit.id, 'lang', "
                                   "force_level_unit.lang, 'text', force_level_unit.text, 'is_original', "
                                   "force_level_unit.is_original)), '[]'::json) AS json_rows_1 FROM "
                                   'force_level_unit WHERE force_level_unit.force_level_id = force_level.id) '
                                   'AS units, CASE WHEN (first_source.body IS NOT NULL AND '
                                   'first_evidence.span_start IS NOT NULL AND first_evidence.span_end IS NOT '
                                   'NULL) THEN substr(first_source.body, first_evidence.span_start + 1, '
                                   'first_evidence.span_end - first_evidence.span_start) END AS wording, '
                                   'first_source.lang AS wording_lang, force_level.count, '
                                   'force_level.approximate, force_level.readiness, force_level.as_of, '
                                   "force_level.statement_id, (SELECT json_build_object('id', "
                                   "statement.speaker_id, 'key', (SELECT entity.key FROM entity WHERE "
                                   "entity.id = statement.speaker_id), 'name_en', (SELECT entity_name.name "
                                   'FROM entity_name WHERE entity_name.entity_id = statement.speaker_id AND '
                                   "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 "
                                   "ELSE 1 END, entity_name.id LIMIT 1), 'name_ar', (SELECT entity_name.name "
                                   'FROM entity_name WHERE entity_name.entity_id = statement.speaker_id AND '
                                   "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 "
                                   'ELSE 1 END, entity_name.id LIMIT 1)) AS json_obj_1 FROM statement WHERE '
                                   'statement.id = force_level.statement_id) AS asserted_by, '
                                   'first_evidence.source_id AS source_id, first_evidence.span_start AS '
                                   'span_start, first_evidence.span_end AS span_end, first_evidence.method '
                                   'AS method, force_level.note AS note, (SELECT '
                                   "coalesce(json_agg(json_build_object('id', evidence.id, 'source_id', "
                                   "evidence.source_id, 'title', evidence_source.title, 'url', "
                                   "evidence_source.url, 'publisher', evidence_source.publisher, "
                                   "'publisher_entity', coalesce((SELECT entity_name.name FROM entity_name "
                                   'WHERE entity_name.entity_id = evidence_publisher.id AND entity_name.lang '
                                   "= 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                                   'entity_name.id LIMIT 1), (SELECT entity_name.name FROM entity_name WHERE '
                                   'entity_name.entity_id = evidence_publisher.id AND entity_name.lang = '
                                   "'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                                   'entity_name.id LIMIT 1), (SELECT entity_name.name FROM entity_name WHERE '
                                   'entity_name.entity_id = evidence_publisher.id ORDER BY entity_name.id '
                                   "LIMIT 1), evidence_publisher.key), 'published_on', "
                                   "evidence_source.published_on, 'published_basis', "
                                   "evidence_source.published_basis, 'sha256', evidence_source.sha256, "
                                   "'span_start', evidence.span_start, 'span_end', evidence.span_end, "
                                   "'method', evidence.method, 'extractor_version', "
                                   "evidence.extractor_version, 'confidence', evidence.confidence, "
                                   "'recorded_at', evidence.recorded_at, 'recorded_by', "
                                   "evidence.recorded_by)), '[]'::json) AS json_rows_2 FROM evidence JOIN "
                                   'source AS evidence_source ON evidence_source.id = evidence.source_id '
                                   'LEFT OUTER JOIN entity AS evidence_publisher ON evidence_publisher.id = '
                                   'evidence_source.publisher_id WHERE evidence.force_level_id = '
                                   'force_level.id AND evidence.retracted_at IS NULL) AS evidence FROM '
                                   'force_level LEFT OUTER JOIN evidence AS first_evidence ON '
                                   'first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 FROM '
                                   'evidence WHERE evidence.force_level_id = force_level.id AND '
                                   'evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 FROM '
                                   'evidence WHERE evidence.force_level_id = force_level.id)) LEFT OUTER '
                                   'JOIN source AS first_source ON first_source.id = '
                                   'first_evidence.source_id WHERE force_level.retracted_at IS NULL AND '
                                   'force_level.organisation_id = %(organisation_id)s ORDER BY '
                                   'force_level.organisation_id, force_level.readiness, force_level.as_of, '
                                   'force_level.id',
                'linked_entities': 'SELECT entity.id, entity.key, entity.kind, (SELECT external_id.value '
                                   'FROM external_id WHERE external_id.entity_id = entity.id AND '
                                   "external_id.scheme = 'wikidata') AS wikidata FROM entity WHERE entity.id "
                                   'IN ({ids}) ORDER BY entity.id',
                'membership_by_id': "SELECT membership.id, json_build_object('id', membership.alliance_id, "
                                    "'key', (SELECT entity.key FROM entity WHERE entity.id = "
                                    "membership.alliance_id), 'name_en', (SELECT entity_name.name FROM "
                                    'entity_name WHERE entity_name.entity_id = membership.alliance_id AND '
                                    "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN "
                                    "0 ELSE 1 END, entity_name.id LIMIT 1), 'name_ar', (SELECT "
                                    'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                    "membership.alliance_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                    'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1)) AS '
                                    "alliance, json_build_object('id', membership.member_id, 'key', (SELECT "
                                    'entity.key FROM entity WHERE entity.id = membership.member_id), '
                                    "'name_en', (SELECT entity_name.name FROM entity_name WHERE "
                                    'entity_name.entity_id = membership.member_id AND entity_name.lang = '
                                    "'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                                    "entity_name.id LIMIT 1), 'name_ar', (SELECT entity_name.name FROM "
                                    'entity_name WHERE entity_name.entity_id = membership.member_id AND '
                                    "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN "
                                    '0 ELSE 1 END, entity_name.id LIMIT 1)) AS member, membership.status, '
                                    'membership.valid_from, membership.valid_to, first_evidence.source_id AS '
                                    'source_id, first_evidence.span_start AS span_start, '
                                    'first_evidence.span_end AS span_end, first_evidence.method AS method, '
                                    'membership.note AS note, (SELECT '
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
                                    "evidence.recorded_by)), '[]'::json) AS json_rows_1 FROM evidence JOIN "
                                    'source AS evidence_source ON evidence_source.id = evidence.source_id '
                                    'LEFT OUTER JOIN entity AS evidence_publisher ON evidence_publisher.id = '
                                    'evidence_source.publisher_id WHERE evidence.membership_id = '
                                    'membership.id AND evidence.retracted_at IS NULL) AS evidence FROM '
                                    'membership LEFT OUTER JOIN evidence AS first_evidence ON '
                                    'first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 FROM '
                                    'evidence WHERE evidence.membership_id = membership.id AND '
                                    'evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 FROM '
                                    'evidence WHERE evidence.membership_id = membership.id)) WHERE '
                                    'membership.id = %(id)s',
                'membership_retraction': 'SELECT membership.retracted_at, membership.retracted_reason FROM '
                                         'membership WHERE membership.id = %(id)s',
                'memberships': "SELECT membership.id, json_build_object('id', membership.alliance_id, 'key', "
                               '(SELECT entity.key FROM entity WHERE entity.id = membership.alliance_id), '
                               "'name_en', (SELECT entity_name.name FROM entity_name WHERE "
                               "entity_name.entity_id = membership.alliance_id AND entity_name.lang = 'en' "
                               'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                               "LIMIT 1), 'name_ar', (SELECT entity_name.name FROM entity_name WHERE "
                               "entity_name.entity_id = membership.alliance_id AND entity_name.lang = 'ar' "
                               'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                               "LIMIT 1)) AS alliance, json_build_object('id', membership.member_id, 'key', "
                               '(SELECT entity.key FROM entity WHERE entity.id = membership.member_id), '
                               "'name_en', (SELECT entity_name.name FROM entity_name WHERE "
                               "entity_name.entity_id = membership.member_id AND entity_name.lang = 'en' "
                               'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                               "LIMIT 1), 'name_ar', (SELECT entity_name.name FROM entity_name WHERE "
                               "entity_name.entity_id = membership.member_id AND entity_name.lang = 'ar' "
                               'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                               'LIMIT 1)) AS member, membership.status, membership.valid_from, '
                               'membership.valid_to, first_evidence.source_id AS source_id, '
                               'first_evidence.span_start AS span_start, first_evidence.span_end AS '
                               'span_end, first_evidence.method AS method, membership.note AS note, (SELECT '
                               "coalesce(json_agg(json_build_object('id', evidence.id, 'source_id', "
                               "evidence.source_id, 'title', evidence_source.title, 'url', "
                               "evidence_source.url, 'publisher', evidence_source.publisher, "
                               "'publisher_entity', coalesce((SELECT entity_name.name FROM entity_name WHERE "
                               "entity_name.entity_id = evidence_publisher.id AND entity_name.lang = 'en' "
                               'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                               'LIMIT 1), (SELECT entity_name.name FROM entity_name WHERE '
                               "entity_name.entity_id = evidence_publisher.id AND entity_name.lang = 'ar' "
                               'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                               'LIMIT 1), (SELECT entity_name.name FROM entity_name WHERE '
                               'entity_name.entity_id = evidence_publisher.id ORDER BY entity_name.id LIMIT '
                               "1), evidence_publisher.key), 'published_on', evidence_source.published_on, "
                               "'published_basis', evidence_source.published_basis, 'sha256', "
                               "evidence_source.sha256, 'span_start', evidence.span_start, 'span_end', "
                               "evidence.span_end, 'method', evidence.method, 'extractor_version', "
                               "evidence.extractor_version, 'confidence', evidence.confidence, "
                               "'recorded_at', evidence.recorded_at, 'recorded_by', evidence.recorded_by)), "
                               "'[]'::json) AS json_rows_1 FROM evidence JOIN source AS evidence_source ON "
                               'evidence_source.id = evidence.source_id LEFT OUTER JOIN entity AS '
                               'evidence_publisher ON evidence_publisher.id = evidence_source.publisher_id '
                               'WHERE evidence.membership_id = membership.id AND evidence.retracted_at IS '
                               'NULL) AS evidence FROM membership LEFT OUTER JOIN evidence AS first_evidence '
                               'ON first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 FROM '
                               'evidence WHERE evidence.membership_id = membership.id AND '
                               'evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 FROM '
                               'evidence WHERE evidence.membership_id = membership.id)) WHERE '
                               'membership.alliance_id = %(alliance_id)s AND membership.retracted_at IS NULL '
                               'ORDER BY membership.id',
                'memberships_as_alliance': "SELECT membership.id, json_build_object('id', "
                                           "membership.alliance_id, 'key', (SELECT entity.key FROM entity "
                                           "WHERE entity.id = membership.alliance_id), 'name_en', (SELECT "
                                           'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                           "membership.alliance_id AND entity_name.lang = 'en' ORDER BY CASE "
                                           'WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                                           "LIMIT 1), 'name_ar', (SELECT entity_name.name FROM entity_name "
                                           'WHERE entity_name.entity_id = membership.alliance_id AND '
                                           "entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                           'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT '
                                           "1)) AS alliance, json_build_object('id', membership.member_id, "
                                           "'key', (SELECT entity.key FROM entity WHERE entity.id = "
                                           "membership.member_id), 'name_en', (SELECT entity_name.name FROM "
                                           'entity_name WHERE entity_name.entity_id = membership.member_id '
                                           "AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                                           'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT '
                                           "1), 'name_ar', (SELECT entity_name.name FROM entity_name WHERE "
                                           'entity_name.entity_id = membership.member_id AND '
                                           "entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                           'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT '
                                           '1)) AS member, membership.status, membership.valid_from, '
                                           'membership.valid_to, first_evidence.source_id AS source_id, '
                                           'first_evidence.span_start AS span_start, first_evidence.span_end '
                                           'AS span_end, first_evidence.method AS method, membership.note AS '
                                           "note, (SELECT coalesce(json_agg(json_build_object('id', "
                                           "evidence.id, 'source_id', evidence.source_id, 'title', "
                                           "evidence_source.title, 'url', evidence_source.url, 'publisher', "
                                           "evidence_source.publisher, 'publisher_entity', coalesce((SELECT "
                                           'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                           "evidence_publisher.id AND entity_name.lang = 'en' ORDER BY CASE "
                                           'WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                                           'LIMIT 1), (SELECT entity_name.name FROM entity_name WHERE '
                                           'entity_name.entity_id = evidence_publisher.id AND '
                                           "entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                           'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT '
                                           '1), (SELECT entity_name.name FROM entity_name WHERE '
                                           'entity_name.entity_id = evidence_publisher.id ORDER BY '
                                           'entity_name.id LIMIT 1), evidence_publisher.key), '
                                           "'published_on', evidence_source.published_on, 'published_basis', "
                                           "evidence_source.published_basis, 'sha256', "
                                           "evidence_source.sha256, 'span_start', evidence.span_start, "
                                           "'span_end', evidence.span_end, 'method', evidence.method, "
                                           "'extractor_version', evidence.extractor_version, 'confidence', "
                                           "evidence.confidence, 'recorded_at', evidence.recorded_at, "
                                           "'recorded_by', evidence.recorded_by)), '[]'::json) AS "
                                           'json_rows_1 FROM evidence JOIN source AS evidence_source ON '
                                           'evidence_source.id = evidence.source_id LEFT OUTER JOIN entity '
                                           'AS evidence_publisher ON evidence_publisher.id = '
                                           'evidence_source.publisher_id WHERE evidence.membership_id = '
                                           'membership.id AND evidence.retracted_at IS NULL) AS evidence '
                                           'FROM membership LEFT OUTER JOIN evidence AS first_evidence ON '
                                           'first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 '
                                           'FROM evidence WHERE evidence.membership_id = membership.id AND '
                                           'evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS '
                                           'min_2 FROM evidence WHERE evidence.membership_id = '
                                           'membership.id)) WHERE membership.alliance_id = %(entity_id)s AND '
                                           'membership.retracted_at IS NULL ORDER BY membership.member_id, '
                                           'membership.valid_from, membership.id',
                'memberships_as_member': "SELECT membership.id, json_build_object('id', "
                                         "membership.alliance_id, 'key', (SELECT entity.key FROM entity "
                                         "WHERE entity.id = membership.alliance_id), 'name_en', (SELECT "
                                         'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                         "membership.alliance_id AND entity_name.lang = 'en' ORDER BY CASE "
                                         'WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                                         "LIMIT 1), 'name_ar', (SELECT entity_name.name FROM entity_name "
                                         'WHERE entity_name.entity_id = membership.alliance_id AND '
                                         "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary "
                                         'THEN 0 ELSE 1 END, entity_name.id LIMIT 1)) AS alliance, '
                                         "json_build_object('id', membership.member_id, 'key', (SELECT "
                                         'entity.key FROM entity WHERE entity.id = membership.member_id), '
                                         "'name_en', (SELECT entity_name.name FROM entity_name WHERE "
                                         'entity_name.entity_id = membership.member_id AND entity_name.lang '
                                         "= 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 "
                                         "END, entity_name.id LIMIT 1), 'name_ar', (SELECT entity_name.name "
                                         'FROM entity_name WHERE entity_name.entity_id = '
                                         "membership.member_id AND entity_name.lang = 'ar' ORDER BY CASE "
                                         'WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                                         'LIMIT 1)) AS member, membership.status, membership.valid_from, '
                                         'membership.valid_to, first_evidence.source_id AS source_id, '
                                         'first_evidence.span_start AS span_start, first_evidence.span_end '
                                         'AS span_end, first_evidence.method AS method, membership.note AS '
                                         "note, (SELECT coalesce(json_agg(json_build_object('id', "
                                         "evidence.id, 'source_id', evidence.source_id, 'title', "
                                         "evidence_source.title, 'url', evidence_source.url, 'publisher', "
                                         "evidence_source.publisher, 'publisher_entity', coalesce((SELECT "
                                         'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                         "evidence_publisher.id AND entity_name.lang = 'en' ORDER BY CASE "
                                         'WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                                         'LIMIT 1), (SELECT entity_name.name FROM entity_name WHERE '
                                         'entity_name.entity_id = evidence_publisher.id AND entity_name.lang '
                                         "= 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 "
                                         'END, entity_name.id LIMIT 1), (SELECT entity_name.name FROM '
                                         'entity_name WHERE entity_name.entity_id = evidence_publisher.id '
                                         'ORDER BY entity_name.id LIMIT 1), evidence_publisher.key), '
                                         "'published_on', evidence_source.published_on, 'published_basis', "
                                         "evidence_source.published_basis, 'sha256', evidence_source.sha256, "
                                         "'span_start', evidence.span_start, 'span_end', evidence.span_end, "
                                         "'method', evidence.method, 'extractor_version', "
                                         "evidence.extractor_version, 'confidence', evidence.confidence, "
                                         "'recorded_at', evidence.recorded_at, 'recorded_by', "
                                         "evidence.recorded_by)), '[]'::json) AS json_rows_1 FROM evidence "
                                         'JOIN source AS evidence_source ON evidence_source.id = '
                                         'evidence.source_id LEFT OUTER JOIN entity AS evidence_publisher ON '
                                         'evidence_publisher.id = evidence_source.publisher_id WHERE '
                                         'evidence.membership_id = membership.id AND evidence.retracted_at '
                                         'IS NULL) AS evidence FROM membership LEFT OUTER JOIN evidence AS '
                                         'first_evidence ON first_evidence.id = coalesce((SELECT '
                                         'min(evidence.id) AS min_1 FROM evidence WHERE '
                                         'evidence.membership_id = membership.id AND evidence.retracted_at '
                                         'IS NULL), (SELECT min(evidence.id) AS min_2 FROM evidence WHERE '
                                         'evidence.membership_id = membership.id)) WHERE '
                                         'membership.member_id = %(entity_id)s AND membership.retracted_at '
                                         'IS NULL ORDER BY membership.alliance_id, membership.valid_from, '
                                         'membership.id',
                'officials': 'SELECT entity.id FROM entity WHERE entity.id = %(org_id)s OR entity.part_of_id '
                             '= %(org_id)s UNION SELECT role.person_id FROM role WHERE role.organisation_id '
                             '= %(org_id)s',
                'organisation_fact_by_id': "SELECT organisation_fact.id, json_build_object('id', "
                                           "organisation_fact.subject_id, 'key', (SELECT entity.key FROM "
                                           'entity WHERE entity.id = organisation_fact.subject_id), '
                                           "'name_en', (SELECT entity_name.name FROM entity_name WHERE "
                                           'entity_name.entity_id = organisation_fact.subject_id AND '
                                           "entity_name.lang = 'en' ORDER BY CASE WHEN "
                                           'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT '
                                           "1), 'name_ar', (SELECT entity_name.name FROM entity_name WHERE "
                                           'entity_name.entity_id = organisation_fact.subject_id AND '
                                           "entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                           'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT '
                                           '1)) AS subject, organisation_fact.kind, (SELECT '
                                           "coalesce(json_agg(json_build_object('id', "
                                           "organisation_fact_text.id, 'lang', organisation_fact_text.lang, "
                                           "'text', organisation_fact_text.text, 'is_original', "
                                           "organisation_fact_text.is_original)), '[]'::json) AS json_rows_1 "
                                           'FROM organisation_fact_text WHERE organisation_fact_text.fact_id '
                                           '= organisation_fact.id) AS texts, '
                                           'organisation_fact.statement_id, first_evidence.source_id AS '
                                           'source_id, first_evidence.span_start AS span_start, '
                                           'first_evidence.span_end AS span_end, first_evidence.method AS '
                                           'method, organisation_fact.note AS note, (SELECT '
                                           "coalesce(json_agg(json_build_object('id', evidence.id, "
                                           "'source_id', evidence.source_id, 'title', evidence_source.title, "
                                           "'url', evidence_source.url, 'publisher', "
                                           "evidence_source.publisher, 'publisher_entity', coalesce((SELECT "
                                           'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                           "evidence_publisher.id AND entity_name.lang = 'en' ORDER BY CASE "
                                           'WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                                           'LIMIT 1), (SELECT entity_name.name FROM entity_name WHERE '
                                           'entity_name.entity_id = evidence_publisher.id AND '
                                           "entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                           'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT '
                                           '1), (SELECT entity_name.name FROM entity_name WHERE '
                                           'entity_name.entity_id = evidence_publisher.id ORDER BY '
                                           'entity_name.id LIMIT 1), evidence_publisher.key), '
                                           "'published_on', evidence_source.published_on, 'published_basis', "
                                           "evidence_source.published_basis, 'sha256', "
                                           "evidence_source.sha256, 'span_start', evidence.span_start, "
                                           "'span_end', evidence.span_end, 'method', evidence.method, "
                                           "'extractor_version', evidence.extractor_version, 'confidence', "
                                           "evidence.confidence, 'recorded_at', evidence.recorded_at, "
                                           "'recorded_by', evidence.recorded_by)), '[]'::json) AS "
                                           'json_rows_2 FROM evidence JOIN source AS evidence_source ON '
                                           'evidence_source.id = evidence.source_id LEFT OUTER JOIN entity '
                                           'AS evidence_publisher ON evidence_publisher.id = '
                                           'evidence_source.publisher_id WHERE evidence.organisation_fact_id '
                                           '= organisation_fact.id AND evidence.retracted_at IS NULL) AS '
                                           'evidence FROM organisation_fact LEFT OUTER JOIN evidence AS '
                                           'first_evidence ON first_evidence.id = coalesce((SELECT '
                                           'min(evidence.id) AS min_1 FROM evidence WHERE '
                                           'evidence.organisation_fact_id = organisation_fact.id AND '
                                           'evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS '
                                           'min_2 FROM evidence WHERE evidence.organisation_fact_id = '
                                           'organisation_fact.id)) WHERE organisation_fact.id = %(id)s',
                'organisation_fact_retraction': 'SELECT organisation_fact.retracted_at, '
                                                'organisation_fact.retracted_reason FROM organisation_fact '
                                                'WHERE organisation_fact.id = %(id)s',
                'organisation_facts': "SELECT organisation_fact.id, json_build_object('id', "
                                      "organisation_fact.subject_id, 'key', (SELECT entity.key FROM entity "
                                      "WHERE entity.id = organisation_fact.subject_id), 'name_en', (SELECT "
                                      'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                      "organisation_fact.subject_id AND entity_name.lang = 'en' ORDER BY "
                                      'CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                                      "LIMIT 1), 'name_ar', (SELECT entity_name.name FROM entity_name WHERE "
                                      'entity_name.entity_id = organisation_fact.subject_id AND '
                                      "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary "
                                      'THEN 0 ELSE 1 END, entity_name.id LIMIT 1)) AS subject, '
                                      'organisation_fact.kind, (SELECT '
                                      "coalesce(json_agg(json_build_object('id', organisation_fact_text.id, "
                                      "'lang', organisation_fact_text.lang, 'text', "
                                      "organisation_fact_text.text, 'is_original', "
                                      "organisation_fact_text.is_original)), '[]'::json) AS json_rows_1 FROM "
                                      'organisation_fact_text WHERE organisation_fact_text.fact_id = '
                                      'organisation_fact.id) AS texts, organisation_fact.statement_id, '
                                      'first_evidence.source_id AS source_id, first_evidence.span_start AS '
                                      'span_start, first_evidence.span_end AS span_end, '
                                      'first_evidence.method AS method, organisation_fact.note AS note, '
                                      "(SELECT coalesce(json_agg(json_build_object('id', evidence.id, "
                                      "'source_id', evidence.source_id, 'title', evidence_source.title, "
                                      "'url', evidence_source.url, 'publisher', evidence_source.publisher, "
                                      "'publisher_entity', coalesce((SELECT entity_name.name FROM "
                                      'entity_name WHERE entity_name.entity_id = evidence_publisher.id AND '
                                      "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary "
                                      'THEN 0 ELSE 1 END, entity_name.id LIMIT 1), (SELECT entity_name.name '
                                      'FROM entity_name WHERE entity_name.entity_id = evidence_publisher.id '
                                      "AND entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary "
                                      'THEN 0 ELSE 1 END, entity_name.id LIMIT 1), (SELECT entity_name.name '
                                      'FROM entity_name WHERE entity_name.entity_id = evidence_publisher.id '
                                      'ORDER BY entity_name.id LIMIT 1), evidence_publisher.key), '
                                      "'published_on', evidence_source.published_on, 'published_basis', "
                                      "evidence_source.published_basis, 'sha256', evidence_source.sha256, "
                                      "'span_start', evidence.span_start, 'span_end', evidence.span_end, "
                                      "'method', evidence.method, 'extractor_version', "
                                      "evidence.extractor_version, 'confidence', evidence.confidence, "
                                      "'recorded_at', evidence.recorded_at, 'recorded_by', "
                                      "evidence.recorded_by)), '[]'::json) AS json_rows_2 FROM evidence JOIN "
                                      'source AS evidence_source ON evidence_source.id = evidence.source_id '
                                      'LEFT OUTER JOIN entity AS evidence_publisher ON evidence_publisher.id '
                                      '= evidence_source.publisher_id WHERE evidence.organisation_fact_id = '
                                      'organisation_fact.id AND evidence.retracted_at IS NULL) AS evidence '
                                      'FROM organisation_fact LEFT OUTER JOIN evidence AS first_evidence ON '
                                      'first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 FROM '
                                      'evidence WHERE evidence.organisation_fact_id = organisation_fact.id '
                                      'AND evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 '
                                      'FROM evidence WHERE evidence.organisation_fact_id = '
                                      'organisation_fact.id)) WHERE organisation_fact.subject_id IN (SELECT '
                                      'entity.id FROM entity WHERE entity.id = %(org_id)s OR '
                                      'entity.part_of_id = %(org_id)s) AND organisation_fact.retracted_at IS '
                                      'NULL ORDER BY organisation_fact.id',
                'parts': 'SELECT entity.id FROM entity WHERE entity.id = %(org_id)s OR entity.part_of_id = '
                         '%(org_id)s',
                'publisher_wikidata_ids': 'SELECT source.id, external_id.value FROM source JOIN external_id '
                                          'ON external_id.entity_id = source.publisher_id WHERE '
                                          "external_id.scheme = 'wikidata' AND (source.id IN ({ids})) ORDER "
                                          'BY source.id',
                'role_by_id': "SELECT role.id, json_build_object('id', role.person_id, 'key', (SELECT "
                              "entity.key FROM entity WHERE entity.id = role.person_id), 'name_en', (SELECT "
                              'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                              "role.person_id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                              "entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1), 'name_ar', "
                              '(SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                              "role.person_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                              'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1)) AS person, '
                              'CASE WHEN (role.organisation_id IS NULL) THEN NULL ELSE '
                              "json_build_object('id', role.organisation_id, 'key', (SELECT entity.key FROM "
                              "entity WHERE entity.id = role.organisation_id), 'name_en', (SELECT "
                              'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                              "role.organisation_id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                              "entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1), 'name_ar', "
                              '(SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                              "role.organisation_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                              'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1)) END AS '
                              "organisation, (SELECT coalesce(json_agg(json_build_object('id', "
                              "role_title.id, 'lang', role_title.lang, 'text', role_title.text, "
                              "'is_original', role_title.is_original)), '[]'::json) AS json_rows_1 FROM "
                              'role_title WHERE role_title.role_id = role.id) AS titles, role.valid_from, '
                              'role.valid_to, first_evidence.source_id AS source_id, '
                              'first_evidence.span_start AS span_start, first_evidence.span_end AS span_end, '
                              'first_evidence.method AS method, role.note AS note, (SELECT '
                              "coalesce(json_agg(json_build_object('id', evidence.id, 'source_id', "
                              "evidence.source_id, 'title', evidence_source.title, 'url', "
                              "evidence_source.url, 'publisher', evidence_source.publisher, "
                              "'publisher_entity', coalesce((SELECT entity_name.name FROM entity_name WHERE "
                              "entity_name.entity_id = evidence_publisher.id AND entity_name.lang = 'en' "
                              'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                              'LIMIT 1), (SELECT entity_name.name FROM entity_name WHERE '
                              "entity_name.entity_id = evidence_publisher.id AND entity_name.lang = 'ar' "
                              'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                              'LIMIT 1), (SELECT entity_name.name FROM entity_name WHERE '
                              'entity_name.entity_id = evidence_publisher.id ORDER BY entity_name.id LIMIT '
                              "1), evidence_publisher.key), 'published_on', evidence_source.published_on, "
                              "'published_basis', evidence_source.published_basis, 'sha256', "
                              "evidence_source.sha256, 'span_start', evidence.span_start, 'span_end', "
                              "evidence.span_end, 'method', evidence.method, 'extractor_version', "
                              "evidence.extractor_version, 'confidence', evidence.confidence, 'recorded_at', "
                              "evidence.recorded_at, 'recorded_by', evidence.recorded_by)), '[]'::json) AS "
                              'json_rows_2 FROM evidence JOIN source AS evidence_source ON '
                              'evidence_source.id = evidence.source_id LEFT OUTER JOIN entity AS '
                              'evidence_publisher ON evidence_publisher.id = evidence_source.publisher_id '
                              'WHERE evidence.role_id = role.id AND evidence.retracted_at IS NULL) AS '
                              'evidence FROM role LEFT OUTER JOIN evidence AS first_evidence ON '
                              'first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 FROM evidence '
                              'WHERE evidence.role_id = role.id AND evidence.retracted_at IS NULL), (SELECT '
                              'min(evidence.id) AS min_2 FROM evidence WHERE evidence.role_id = role.id)) '
                              'WHERE role.id = %(id)s',
                'role_retraction': 'SELECT role.retracted_at, role.retracted_reason FROM role WHERE role.id '
                                   '= %(id)s',
                'sheet_officials_latest': 'SELECT latest.id FROM (SELECT latest_both.id AS id, '
                                          'latest_both.said_on AS said_on, latest_both.speaker_id AS '
                                          'speaker_id FROM (SELECT latest_dated.id AS id, '
                                          'latest_dated.said_on AS said_on, latest_dated.speaker_id AS '
                                          'speaker_id FROM (SELECT statement.id AS id, statement.said_on AS '
                                          'said_on, statement.speaker_id AS speaker_id FROM statement WHERE '
                                          'statement.retracted_at IS NULL AND (statement.speaker_id IN '
                                          '({officials})) AND statement.said_on IS NOT NULL ORDER BY '
                                          'statement.said_on DESC, statement.id DESC LIMIT %(limit)s) AS '
                                          'latest_dated UNION ALL SELECT latest_undated.id AS id, '
                                          'latest_undated.said_on AS said_on, latest_undated.speaker_id AS '
                                          'speaker_id FROM (SELECT statement.id AS id, statement.said_on AS '
                                          'said_on, statement.speaker_id AS speaker_id FROM statement WHERE '
                                          'statement.retracted_at IS NULL AND (statement.speaker_id IN '
                                          '({officials})) AND statement.said_on IS NULL ORDER BY '
                                          'statement.id DESC LIMIT %(limit)s) AS latest_undated) AS '
                                          'latest_both ORDER BY latest_both.said_on DESC NULLS LAST, '
                                          'latest_both.id DESC LIMIT %(limit)s) AS latest',
                'sheet_officials_latest_dated': 'SELECT latest.id FROM (SELECT latest_both.id AS id, '
                                                'latest_both.said_on AS said_on, latest_both.speaker_id AS '
                                                'speaker_id FROM (SELECT latest_dated.id AS id, '
                                                'latest_dated.said_on AS said_on, latest_dated.speaker_id AS '
                                                'speaker_id FROM (SELECT statement.id AS id, '
                                                'statement.said_on AS said_on, statement.speaker_id AS '
                                                'speaker_id FROM statement WHERE statement.retracted_at IS '
                                                'NULL AND statement.said_on < %(as_of_bound)s AND '
                                                '(statement.speaker_id IN ({officials})) AND '
                                                'statement.said_on IS NOT NULL ORDER BY statement.said_on '
                                                'DESC, statement.id DESC LIMIT %(limit)s) AS latest_dated '
                                                'UNION ALL SELECT latest_undated.id AS id, '
                                                'latest_undated.said_on AS said_on, '
                                                'latest_undated.speaker_id AS speaker_id FROM (SELECT '
                                                'statement.id AS id, statement.said_on AS said_on, '
                                                'statement.speaker_id AS speaker_id FROM statement WHERE '
                                                'statement.retracted_at IS NULL AND statement.said_on < '
                                                '%(as_of_bound)s AND (statement.speaker_id IN ({officials})) '
                                                'AND statement.said_on IS NULL ORDER BY statement.id DESC '
                                                'LIMIT %(limit)s) AS latest_undated) AS latest_both ORDER BY '
                                                'latest_both.said_on DESC NULLS LAST, latest_both.id DESC '
                                                'LIMIT %(limit)s) AS latest',
                'sheet_others_held_each': 'SELECT count(*) AS count_1 FROM (SELECT newest_both.id AS id, '
                                          'newest_both.said_on AS said_on, newest_both.speaker_id AS '
                                          'speaker_id FROM (SELECT newest_dated.id AS id, '
                                          'newest_dated.said_on AS said_on, newest_dated.speaker_id AS '
                                          'speaker_id FROM (SELECT statement.id AS id, statement.said_on AS '
                                          'said_on, statement.speaker_id AS speaker_id FROM statement WHERE '
                                          'statement.retracted_at IS NULL AND (EXISTS (SELECT '
                                          'statement_about.statement_id FROM statement_about WHERE '
                                          'statement_about.statement_id = statement.id AND '
                                          '(statement_about.entity_id IN ({parts})))) AND '
                                          '(statement.speaker_id NOT IN ({officials})) AND statement.said_on '
                                          'IS NOT NULL ORDER BY statement.said_on DESC, statement.id DESC '
                                          'LIMIT %(prefix)s) AS newest_dated UNION ALL SELECT '
                                          'newest_undated.id AS id, newest_undated.said_on AS said_on, '
                                          'newest_undated.speaker_id AS speaker_id FROM (SELECT statement.id '
                                          'AS id, statement.said_on AS said_on, statement.speaker_id AS '
                                          'speaker_id FROM statement WHERE statement.retracted_at IS NULL '
                                          'AND (EXISTS (SELECT statement_about.statement_id FROM '
                                          'statement_about WHERE statement_about.statement_id = statement.id '
                                          'AND (statement_about.entity_id IN ({parts})))) AND '
                                          '(statement.speaker_id NOT IN ({officials})) AND statement.said_on '
                                          'IS NULL ORDER BY statement.id DESC LIMIT %(prefix)s) AS '
                                          'newest_undated) AS newest_both ORDER BY newest_both.said_on DESC '
                                          'NULLS LAST, newest_both.id DESC LIMIT %(prefix)s) AS newest',
                'sheet_others_held_each_dated': 'SELECT count(*) AS count_1 FROM (SELECT newest_both.id AS '
                                                'id, newest_both.said_on AS said_on, newest_both.speaker_id '
                                                'AS speaker_id FROM (SELECT newest_dated.id AS id, '
                                                'newest_dated.said_on AS said_on, newest_dated.speaker_id AS '
                                                'speaker_id FROM (SELECT statement.id AS id, '
                                                'statement.said_on AS said_on, statement.speaker_id AS '
                                                'speaker_id FROM statement WHERE statement.retracted_at IS '
                                                'NULL AND statement.said_on < %(as_of_bound)s AND (EXISTS '
                                                '(SELECT statement_about.statement_id FROM statement_about '
                                                'WHERE statement_about.statement_id = statement.id AND '
                                                '(statement_about.entity_id IN ({parts})))) AND '
                                                '(statement.speaker_id NOT IN ({officials})) AND '
                                                'statement.said_on IS NOT NULL ORDER BY statement.said_on '
                                                'DESC, statement.id DESC LIMIT %(prefix)s) AS newest_dated '
                                                'UNION ALL SELECT newest_undated.id AS id, '
                                                'newest_undated.said_on AS said_on, '
                                                'newest_undated.speaker_id AS speaker_id FROM (SELECT '
                                                'statement.id AS id, statement.said_on AS said_on, '
                                                'statement.speaker_id AS speaker_id FROM statement WHERE '
                                                'statement.retracted_at IS NULL AND statement.said_on < '
                                                '%(as_of_bound)s AND (EXISTS (SELECT '
                                                'statement_about.statement_id FROM statement_about WHERE '
                                                'statement_about.statement_id = statement.id AND '
                                                '(statement_about.entity_id IN ({parts})))) AND '
                                                '(statement.speaker_id NOT IN ({officials})) AND '
                                                'statement.said_on IS NULL ORDER BY statement.id DESC LIMIT '
                                                '%(prefix)s) AS newest_undated) AS newest_both ORDER BY '
                                                'newest_both.said_on DESC NULLS LAST, newest_both.id DESC '
                                                'LIMIT %(prefix)s) AS newest',
                'sheet_others_held_in': 'SELECT count(*) AS count_1 FROM (SELECT newest_both.id AS id, '
                                        'newest_both.said_on AS said_on, newest_both.speaker_id AS '
                                        'speaker_id FROM (SELECT newest_dated.id AS id, newest_dated.said_on '
                                        'AS said_on, newest_dated.speaker_id AS speaker_id FROM (SELECT '
                                        'statement.id AS id, statement.said_on AS said_on, '
                                        'statement.speaker_id AS speaker_id FROM statement WHERE '
                                        'statement.retracted_at IS NULL AND statement.id IN (SELECT '
                                        'statement_about.statement_id FROM statement_about WHERE '
                                        'statement_about.entity_id IN ({parts})) AND (statement.speaker_id '
                                        'NOT IN ({officials})) AND statement.said_on IS NOT NULL ORDER BY '
                                        'statement.said_on DESC, statement.id DESC LIMIT %(prefix)s) AS '
                                        'newest_dated UNION ALL SELECT newest_undated.id AS id, '
                                        'newest_undated.said_on AS said_on, newest_undated.speaker_id AS '
                                        'speaker_id FROM (SELECT statement.id AS id, statement.said_on AS '
                                        'said_on, statement.speaker_id AS speaker_id FROM statement WHERE '
                                        'statement.retracted_at IS NULL AND statement.id IN (SELECT '
                                        'statement_about.statement_id FROM statement_about WHERE '
                                        'statement_about.entity_id IN ({parts})) AND (statement.speaker_id '
                                        'NOT IN ({officials})) AND statement.said_on IS NULL ORDER BY '
                                        'statement.id DESC LIMIT %(prefix)s) AS newest_undated) AS '
                                        'newest_both ORDER BY newest_both.said_on DESC NULLS LAST, '
                                        'newest_both.id DESC LIMIT %(prefix)s) AS newest',
                'sheet_others_held_in_dated': 'SELECT count(*) AS count_1 FROM (SELECT newest_both.id AS id, '
                                              'newest_both.said_on AS said_on, newest_both.speaker_id AS '
                                              'speaker_id FROM (SELECT newest_dated.id AS id, '
                                              'newest_dated.said_on AS said_on, newest_dated.speaker_id AS '
                                              'speaker_id FROM (SELECT statement.id AS id, statement.said_on '
                                              'AS said_on, statement.speaker_id AS speaker_id FROM statement '
                                              'WHERE statement.retracted_at IS NULL AND statement.said_on < '
                                              '%(as_of_bound)s AND statement.id IN (SELECT '
                                              'statement_about.statement_id FROM statement_about WHERE '
                                              'statement_about.entity_id IN ({parts})) AND '
                                              '(statement.speaker_id NOT IN ({officials})) AND '
                                              'statement.said_on IS NOT NULL ORDER BY statement.said_on '
                                              'DESC, statement.id DESC LIMIT %(prefix)s) AS newest_dated '
                                              'UNION ALL SELECT newest_undated.id AS id, '
                                              'newest_undated.said_on AS said_on, newest_undated.speaker_id '
                                              'AS speaker_id FROM (SELECT statement.id AS id, '
                                              'statement.said_on AS said_on, statement.speaker_id AS '
                                              'speaker_id FROM statement WHERE statement.retracted_at IS '
                                              'NULL AND statement.said_on < %(as_of_bound)s AND statement.id '
                                              'IN (SELECT statement_about.statement_id FROM statement_about '
                                              'WHERE statement_about.entity_id IN ({parts})) AND '
                                              '(statement.speaker_id NOT IN ({officials})) AND '
                                              'statement.said_on IS NULL ORDER BY statement.id DESC LIMIT '
                                              '%(prefix)s) AS newest_undated) AS newest_both ORDER BY '
                                              'newest_both.said_on DESC NULLS LAST, newest_both.id DESC '
                                              'LIMIT %(prefix)s) AS newest',
                'sheet_others_ranked_each': 'SELECT ranked.id FROM (SELECT newest.id AS id, newest.said_on '
                                            'AS said_on, row_number() OVER (PARTITION BY newest.speaker_id '
                                            'ORDER BY newest.said_on DESC NULLS LAST, newest.id DESC) AS '
                                            'rank FROM (SELECT newest_both.id AS id, newest_both.said_on AS '
                                            'said_on, newest_both.speaker_id AS speaker_id FROM (SELECT '
                                            'newest_dated.id AS id, newest_dated.said_on AS said_on, '
                                            'newest_dated.speaker_id AS speaker_id FROM (SELECT statement.id '
                                            'AS id, statement.said_on AS said_on, statement.speaker_id AS '
                                            'speaker_id FROM statement WHERE statement.retracted_at IS NULL '
                                            'AND (EXISTS (SELECT statement_about.statement_id FROM '
                                            'statement_about WHERE statement_about.statement_id = '
                                            'statement.id AND (statement_about.entity_id IN ({parts})))) AND '
                                            '(statement.speaker_id NOT IN ({officials})) AND '
                                            'statement.said_on IS NOT NULL ORDER BY statement.said_on DESC, '
                                            'statement.id DESC LIMIT %(prefix)s) AS newest_dated UNION ALL '
                                            'SELECT newest_undated.id AS id, newest_undated.said_on AS '
                                            'said_on, newest_undated.speaker_id AS speaker_id FROM (SELECT '
                                            'statement.id AS id, statement.said_on AS said_on, '
                                            'statement.speaker_id AS speaker_id FROM statement WHERE '
                                            'statement.retracted_at IS NULL AND (EXISTS (SELECT '
                                            'statement_about.statement_id FROM statement_about WHERE '
                                            'statement_about.statement_id = statement.id AND '
                                            '(statement_about.entity_id IN ({parts})))) AND '
                                            '(statement.speaker_id NOT IN ({officials})) AND '
                                            'statement.said_on IS NULL ORDER BY statement.id DESC LIMIT '
                                            '%(prefix)s) AS newest_undated) AS newest_both ORDER BY '
                                            'newest_both.said_on DESC NULLS LAST, newest_both.id DESC LIMIT '
                                            '%(prefix)s) AS newest) AS ranked WHERE ranked.rank <= '
                                            '%(per_speaker)s ORDER BY ranked.said_on DESC NULLS LAST, '
                                            'ranked.id DESC LIMIT %(limit)s',
                'sheet_others_ranked_each_dated': 'SELECT ranked.id FROM (SELECT newest.id AS id, '
                                                  'newest.said_on AS said_on, row_number() OVER (PARTITION '
                                                  'BY newest.speaker_id ORDER BY newest.said_on DESC NULLS '
                                                  'LAST, newest.id DESC) AS rank FROM (SELECT newest_both.id '
                                                  'AS id, newest_both.said_on AS said_on, '
                                                  'newest_both.speaker_id AS speaker_id FROM (SELECT '
                                                  'newest_dated.id AS id, newest_dated.said_on AS said_on, '
                                                  'newest_dated.speaker_id AS speaker_id FROM (SELECT '
                                                  'statement.id AS id, statement.said_on AS said_on, '
                                                  'statement.speaker_id AS speaker_id FROM statement WHERE '
                                                  'statement.retracted_at IS NULL AND statement.said_on < '
                                                  '%(as_of_bound)s AND (EXISTS (SELECT '
                                                  'statement_about.statement_id FROM statement_about WHERE '
                                                  'statement_about.statement_id = statement.id AND '
                                                  '(statement_about.entity_id IN ({parts})))) AND '
                                                  '(statement.speaker_id NOT IN ({officials})) AND '
                                                  'statement.said_on IS NOT NULL ORDER BY statement.said_on '
                                                  'DESC, statement.id DESC LIMIT %(prefix)s) AS newest_dated '
                                                  'UNION ALL SELECT newest_undated.id AS id, '
                                                  'newest_undated.said_on AS said_on, '
                                                  'newest_undated.speaker_id AS speaker_id FROM (SELECT '
                                                  'statement.id AS id, statement.said_on AS said_on, '
                                                  'statement.speaker_id AS speaker_id FROM statement WHERE '
                                                  'statement.retracted_at IS NULL AND statement.said_on < '
                                                  '%(as_of_bound)s AND (EXISTS (SELECT '
                                                  'statement_about.statement_id FROM statement_about WHERE '
                                                  'statement_about.statement_id = statement.id AND '
                                                  '(statement_about.entity_id IN ({parts})))) AND '
                                                  '(statement.speaker_id NOT IN ({officials})) AND '
                                                  'statement.said_on IS NULL ORDER BY statement.id DESC '
                                                  'LIMIT %(prefix)s) AS newest_undated) AS newest_both ORDER '
                                                  'BY newest_both.said_on DESC NULLS LAST, newest_both.id '
                                                  'DESC LIMIT %(prefix)s) AS newest) AS ranked WHERE '
                                                  'ranked.rank <= %(per_speaker)s ORDER BY ranked.said_on '
                                                  'DESC NULLS LAST, ranked.id DESC LIMIT %(limit)s',
                'sheet_others_ranked_in': 'SELECT ranked.id FROM (SELECT newest.id AS id, newest.said_on AS '
                                          'said_on, row_number() OVER (PARTITION BY newest.speaker_id ORDER '
                                          'BY newest.said_on DESC NULLS LAST, newest.id DESC) AS rank FROM '
                                          '(SELECT newest_both.id AS id, newest_both.said_on AS said_on, '
                                          'newest_both.speaker_id AS speaker_id FROM (SELECT newest_dated.id '
                                          'AS id, newest_dated.said_on AS said_on, newest_dated.speaker_id '
                                          'AS speaker_id FROM (SELECT statement.id AS id, statement.said_on '
                                          'AS said_on, statement.speaker_id AS speaker_id FROM statement '
                                          'WHERE statement.retracted_at IS NULL AND statement.id IN (SELECT '
                                          'statement_about.statement_id FROM statement_about WHERE '
                                          'statement_about.entity_id IN ({parts})) AND (statement.speaker_id '
                                          'NOT IN ({officials})) AND statement.said_on IS NOT NULL ORDER BY '
                                          'statement.said_on DESC, statement.id DESC LIMIT %(prefix)s) AS '
                                          'newest_dated UNION ALL SELECT newest_undated.id AS id, '
                                          'newest_undated.said_on AS said_on, newest_undated.speaker_id AS '
                                          'speaker_id FROM (SELECT statement.id AS id, statement.said_on AS '
                                          'said_on, statement.speaker_id AS speaker_id FROM statement WHERE '
                                          'statement.retracted_at IS NULL AND statement.id IN (SELECT '
                                          'statement_about.statement_id FROM statement_about WHERE '
                                          'statement_about.entity_id IN ({parts})) AND (statement.speaker_id '
                                          'NOT IN ({officials})) AND statement.said_on IS NULL ORDER BY '
                                          'statement.id DESC LIMIT %(prefix)s) AS newest_undated) AS '
                                          'newest_both ORDER BY newest_both.said_on DESC NULLS LAST, '
                                          'newest_both.id DESC LIMIT %(prefix)s) AS newest) AS ranked WHERE '
                                          'ranked.rank <= %(per_speaker)s ORDER BY ranked.said_on DESC NULLS '
                                          'LAST, ranked.id DESC LIMIT %(limit)s',
                'sheet_others_ranked_in_dated': 'SELECT ranked.id FROM (SELECT newest.id AS id, '
                                                'newest.said_on AS said_on, row_number() OVER (PARTITION BY '
                                                'newest.speaker_id ORDER BY newest.said_on DESC NULLS LAST, '
                                                'newest.id DESC) AS rank FROM (SELECT newest_both.id AS id, '
                                                'newest_both.said_on AS said_on, newest_both.speaker_id AS '
                                                'speaker_id FROM (SELECT newest_dated.id AS id, '
                                                'newest_dated.said_on AS said_on, newest_dated.speaker_id AS '
                                                'speaker_id FROM (SELECT statement.id AS id, '
                                                'statement.said_on AS said_on, statement.speaker_id AS '
                                                'speaker_id FROM statement WHERE statement.retracted_at IS '
                                                'NULL AND statement.said_on < %(as_of_bound)s AND '
                                                'statement.id IN (SELECT statement_about.statement_id FROM '
                                                'statement_about WHERE statement_about.entity_id IN '
                                                '({parts})) AND (statement.speaker_id NOT IN ({officials})) '
                                                'AND statement.said_on IS NOT NULL ORDER BY '
                                                'statement.said_on DESC, statement.id DESC LIMIT %(prefix)s) '
                                                'AS newest_dated UNION ALL SELECT newest_undated.id AS id, '
                                                'newest_undated.said_on AS said_on, '
                                                'newest_undated.speaker_id AS speaker_id FROM (SELECT '
                                                'statement.id AS id, statement.said_on AS said_on, '
                                                'statement.speaker_id AS speaker_id FROM statement WHERE '
                                                'statement.retracted_at IS NULL AND statement.said_on < '
                                                '%(as_of_bound)s AND statement.id IN (SELECT '
                                                'statement_about.statement_id FROM statement_about WHERE '
                                                'statement_about.entity_id IN ({parts})) AND '
                                                '(statement.speaker_id NOT IN ({officials})) AND '
                                                'statement.said_on IS NULL ORDER BY statement.id DESC LIMIT '
                                                '%(prefix)s) AS newest_undated) AS newest_both ORDER BY '
                                                'newest_both.said_on DESC NULLS LAST, newest_both.id DESC '
                                                'LIMIT %(prefix)s) AS newest) AS ranked WHERE ranked.rank <= '
                                                '%(per_speaker)s ORDER BY ranked.said_on DESC NULLS LAST, '
                                                'ranked.id DESC LIMIT %(limit)s',
                'sheet_per_speaker': 'SELECT statement.speaker_id, count(*) AS count_1, max(CASE WHEN '
                                     '(statement.speaker_id IN ({officials})) THEN 1 ELSE 0 END) AS max_1 '
                                     'FROM statement WHERE statement.retracted_at IS NULL AND ((EXISTS '
                                     '(SELECT statement_about.statement_id FROM statement_about WHERE '
                                     'statement_about.statement_id = statement.id AND '
                                     '(statement_about.entity_id IN ({parts})))) OR (statement.speaker_id IN '
                                     '({officials}))) AND (statement.speaker_id IN ({ids})) GROUP BY '
                                     'statement.speaker_id',
                'sheet_per_speaker_dated': 'SELECT statement.speaker_id, count(*) AS count_1, max(CASE WHEN '
                                           '(statement.speaker_id IN ({officials})) THEN 1 ELSE 0 END) AS '
                                           'max_1 FROM statement WHERE statement.retracted_at IS NULL AND '
                                           'statement.said_on < %(as_of_bound)s AND ((EXISTS (SELECT '
                                           'statement_about.statement_id FROM statement_about WHERE '
                                           'statement_about.statement_id = statement.id AND '
                                           '(statement_about.entity_id IN ({parts})))) OR '
                                           '(statement.speaker_id IN ({officials}))) AND '
                                           '(statement.speaker_id IN ({ids})) GROUP BY statement.speaker_id',
                'sheet_totals_each': 'SELECT count(*) AS count_1, coalesce(sum(counted.official), 0) AS '
                                     'coalesce_1, count(DISTINCT counted.speaker_id) AS count_2 FROM (SELECT '
                                     'statement.speaker_id AS speaker_id, CASE WHEN (statement.speaker_id IN '
                                     '({officials})) THEN 1 ELSE 0 END AS official FROM statement WHERE '
                                     'statement.retracted_at IS NULL AND ((EXISTS (SELECT '
                                     'statement_about.statement_id FROM statement_about WHERE '
                                     'statement_about.statement_id = statement.id AND '
                                     '(statement_about.entity_id IN ({parts})))) OR (statement.speaker_id IN '
                                     '({officials}))) LIMIT %(count_limit)s) AS counted',
                'sheet_totals_each_dated': 'SELECT count(*) AS count_1, coalesce(sum(counted.official), 0) '
                                           'AS coalesce_1, count(DISTINCT counted.speaker_id) AS count_2 '
                                           'FROM (SELECT statement.speaker_id AS speaker_id, CASE WHEN '
                                           '(statement.speaker_id IN ({officials})) THEN 1 ELSE 0 END AS '
                                           'official FROM statement WHERE statement.retracted_at IS NULL AND '
                                           'statement.said_on < %(as_of_bound)s AND ((EXISTS (SELECT '
                                           'statement_about.statement_id FROM statement_about WHERE '
                                           'statement_about.statement_id = statement.id AND '
                                           '(statement_about.entity_id IN ({parts})))) OR '
                                           '(statement.speaker_id IN ({officials}))) LIMIT %(count_limit)s) '
                                           'AS counted',
                'sheet_totals_in': 'SELECT count(*) AS count_1, coalesce(sum(counted.official), 0) AS '
                                   'coalesce_1, count(DISTINCT counted.speaker_id) AS count_2 FROM (SELECT '
                                   'statement.speaker_id AS speaker_id, CASE WHEN (statement.speaker_id IN '
                                   '({officials})) THEN 1 ELSE 0 END AS official FROM statement WHERE '
                                   'statement.retracted_at IS NULL AND (statement.id IN (SELECT '
                                   'statement_about.statement_id FROM statement_about WHERE '
                                   'statement_about.entity_id IN ({parts})) OR (statement.speaker_id IN '
                                   '({officials}))) LIMIT %(count_limit)s) AS counted',
                'sheet_totals_in_dated': 'SELECT count(*) AS count_1, coalesce(sum(counted.official), 0) AS '
                                         'coalesce_1, count(DISTINCT counted.speaker_id) AS count_2 FROM '
                                         '(SELECT statement.speaker_id AS speaker_id, CASE WHEN '
                                         '(statement.speaker_id IN ({officials})) THEN 1 ELSE 0 END AS '
                                         'official FROM statement WHERE statement.retracted_at IS NULL AND '
                                         'statement.said_on < %(as_of_bound)s AND (statement.id IN (SELECT '
                                         'statement_about.statement_id FROM statement_about WHERE '
                                         'statement_about.entity_id IN ({parts})) OR (statement.speaker_id '
                                         'IN ({officials}))) LIMIT %(count_limit)s) AS counted',
                'sources': 'SELECT source.id, source.title, source.url, source.publisher, coalesce((SELECT '
                           'entity_name.name FROM entity_name WHERE entity_name.entity_id = publisher.id AND '
                           "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 "
                           'END, entity_name.id LIMIT 1), (SELECT entity_name.name FROM entity_name WHERE '
                           "entity_name.entity_id = publisher.id AND entity_name.lang = 'ar' ORDER BY CASE "
                           'WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1), (SELECT '
                           'entity_name.name FROM entity_name WHERE entity_name.entity_id = publisher.id '
                           'ORDER BY entity_name.id LIMIT 1), publisher.key) AS publisher_entity, '
                           'source.lang, source.published_on, source.published_basis, source.published_note, '
                           'source.sha256 FROM source LEFT OUTER JOIN entity AS publisher ON publisher.id = '
                           'source.publisher_id WHERE source.id IN ({ids}) ORDER BY source.id',
                'statement_extent': 'SELECT coalesce(max(statement.id), 0) AS coalesce_1 FROM statement'},
 'sqlite': {'about_rows': 'SELECT count(*) AS count_1 FROM (SELECT statement_about.statement_id AS '
                          'statement_id FROM statement_about WHERE statement_about.entity_id IN ({parts}) '
                          'LIMIT :count_limit OFFSET 0) AS about_rows',
            'alliance': 'SELECT entity.id, entity."key", (SELECT entity_name.name FROM entity_name WHERE '
                        "entity_name.entity_id = entity.id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                        'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0) AS '
                        'name_en, (SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                        "entity.id AND entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary "
                        'THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0) AS name_ar, entity.description '
                        'FROM entity WHERE entity.id = :org_id',
            'entity_names': 'SELECT entity_name.entity_id, entity_name.name, entity_name.lang, '
                            'entity_name.is_primary FROM entity_name WHERE entity_name.entity_id IN ({ids}) '
                            'ORDER BY entity_name.id',
            'event_by_id': 'SELECT event.id, event."key", event.kind, (SELECT '
                           "json_group_array(json(json_object('id', event_title.id, 'lang', "
                           "event_title.lang, 'text', event_title.text, 'is_original', "
                           'event_title.is_original))) AS json_rows_1 FROM event_title WHERE '
                           'event_title.event_id = event.id) AS titles, event.starts_on, event.ends_on, '
                           "event.date_text, (SELECT json_group_array(json(json_object('entity_id', "
                           "event_participant.entity_id, 'entity', json_object('id', "
                           'event_participant.entity_id, \'key\', (SELECT entity."key" FROM entity WHERE '
                           "entity.id = event_participant.entity_id), 'name_en', (SELECT entity_name.name "
                           'FROM entity_name WHERE entity_name.entity_id = event_participant.entity_id AND '
                           "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 "
                           "END, entity_name.id LIMIT 1 OFFSET 0), 'name_ar', (SELECT entity_name.name FROM "
                           'entity_name WHERE entity_name.entity_id = event_participant.entity_id AND '
                           "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 "
                           "END, entity_name.id LIMIT 1 OFFSET 0)), 'role', event_participant.role))) AS "
                           'json_rows_2 FROM event_participant WHERE event_participant.event_id = event.id) '
                           'AS participants, first_evidence.source_id AS source_id, '
                           'first_evidence.span_start AS span_start, first_evidence.span_end AS span_end, '
                           'first_evidence.method AS method, event.note AS note, (SELECT '
                           "json_group_array(json(json_object('id', evidence.id, 'source_id', "
                           "evidence.source_id, 'title', evidence_source.title, 'url', evidence_source.url, "
                           "'publisher', evidence_source.publisher, 'publisher_entity', coalesce((SELECT "
                           'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                           "evidence_publisher.id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                           'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), '
                           '(SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                           "evidence_publisher.id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                           'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), '
                           '(SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                           'evidence_publisher.id ORDER BY entity_name.id LIMIT 1 OFFSET 0), '
                           'evidence_publisher."key"), \'published_on\', evidence_source.published_on, '
                           "'published_basis', evidence_source.published_basis, 'sha256', "
                           "evidence_source.sha256, 'span_start', evidence.span_start, 'span_end', "
                           "evidence.span_end, 'method', evidence.method, 'extractor_version', "
                           "evidence.extractor_version, 'confidence', evidence.confidence, 'recorded_at', "
                           "evidence.recorded_at, 'recorded_by', evidence.recorded_by))) AS json_rows_3 FROM "
                           'evidence JOIN source AS evidence_source ON evidence_source.id = '
                           'evidence.source_id LEFT OUTER JOIN entity AS evidence_publisher ON '
                           'evidence_publisher.id = evidence_source.publisher_id WHERE evidence.event_id = '
                           'event.id AND evidence.retracted_at IS NULL) AS evidence FROM event LEFT OUTER '
                           'JOIN evidence AS first_evidence ON first_evidence.id = coalesce((SELECT '
                           'min(evidence.id) AS min_1 FROM evidence WHERE evidence.event_id = event.id AND '
                           'evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 FROM evidence '
                           'WHERE evidence.event_id = event.id)) WHERE event.id = :id',
            'event_retraction': 'SELECT event.retracted_at, event.retracted_reason FROM event WHERE event.id '
                                '= :id',
            'events': 'SELECT event.id, event."key", event.kind, (SELECT '
                      "json_group_array(json(json_object('id', event_title.id, 'lang', event_title.lang, "
                      "'text', event_title.text, 'is_original', event_title.is_original))) AS json_rows_1 "
                      'FROM event_title WHERE event_title.event_id = event.id) AS titles, event.starts_on, '
                      'event.ends_on, event.date_text, (SELECT '
                      "json_group_array(json(json_object('entity_id', event_participant.entity_id, 'entity', "
                      'json_object(\'id\', event_participant.entity_id, \'key\', (SELECT entity."key" FROM '
                      "entity WHERE entity.id = event_participant.entity_id), 'name_en', (SELECT "
                      'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                      "event_participant.entity_id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                      'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), '
                      "'name_ar', (SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = "
                      "event_participant.entity_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                      "entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0)), 'role', "
                      'event_participant.role))) AS json_rows_2 FROM event_participant WHERE '
                      'event_participant.event_id = event.id) AS participants, first_evidence.source_id AS '
                      'source_id, first_evidence.span_start AS span_start, first_evidence.span_end AS '
                      'span_end, first_evidence.method AS method, event.note AS note, (SELECT '
                      "json_group_array(json(json_object('id', evidence.id, 'source_id', evidence.source_id, "
                      "'title', evidence_source.title, 'url', evidence_source.url, 'publisher', "
                      "evidence_source.publisher, 'publisher_entity', coalesce((SELECT entity_name.name FROM "
                      'entity_name WHERE entity_name.entity_id = evidence_publisher.id AND entity_name.lang '
                      "= 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id "
                      'LIMIT 1 OFFSET 0), (SELECT entity_name.name FROM entity_name WHERE '
                      "entity_name.entity_id = evidence_publisher.id AND entity_name.lang = 'ar' ORDER BY "
                      'CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), '
                      '(SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                      'evidence_publisher.id ORDER BY entity_name.id LIMIT 1 OFFSET 0), '
                      'evidence_publisher."key"), \'published_on\', evidence_source.published_on, '
                      "'published_basis', evidence_source.published_basis, 'sha256', evidence_source.sha256, "
                      "'span_start', evidence.span_start, 'span_end', evidence.span_end, 'method', "
                      "evidence.method, 'extractor_version', evidence.extractor_version, 'confidence', "
                      "evidence.confidence, 'recorded_at', evidence.recorded_at, 'recorded_by', "
                      'evidence.recorded_by))) AS json_rows_3 FROM evidence JOIN source AS evidence_source '
                      'ON evidence_source.id = evidence.source_id LEFT OUTER JOIN entity AS '
                      'evidence_publisher ON evidence_publisher.id = evidence_source.publisher_id WHERE '
                      'evidence.event_id = event.id AND evidence.retracted_at IS NULL) AS evidence FROM '
                      'event LEFT OUTER JOIN evidence AS first_evidence ON first_evidence.id = '
                      'coalesce((SELECT min(evidence.id) AS min_1 FROM evidence WHERE evidence.event_id = '
                      'event.id AND evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 FROM '
                      'evidence WHERE evidence.event_id = event.id)) WHERE event.retracted_at IS NULL ORDER '
                      'BY event.starts_on IS NULL, event.starts_on, event.id',
            'events_involving': 'SELECT event.id, event."key", event.kind, (SELECT '
                                "json_group_array(json(json_object('id', event_title.id, 'lang', "
                                "event_title.lang, 'text', event_title.text, 'is_original', "
                                'event_title.is_original))) AS json_rows_1 FROM event_title WHERE '
                                'event_title.event_id = event.id) AS titles, event.starts_on, event.ends_on, '
                                "event.date_text, (SELECT json_group_array(json(json_object('entity_id', "
                                "event_participant.entity_id, 'entity', json_object('id', "
                                'event_participant.entity_id, \'key\', (SELECT entity."key" FROM entity '
                                "WHERE entity.id = event_participant.entity_id), 'name_en', (SELECT "
                                'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                "event_participant.entity_id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                                'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), '
                                "'name_ar', (SELECT entity_name.name FROM entity_name WHERE "
                                'entity_name.entity_id = event_participant.entity_id AND entity_name.lang = '
                                "'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                                "entity_name.id LIMIT 1 OFFSET 0)), 'role', event_participant.role))) AS "
                                'json_rows_2 FROM event_participant WHERE event_participant.event_id = '
                                'event.id) AS participants, first_evidence.source_id AS source_id, '
                                'first_evidence.span_start AS span_start, first_evidence.span_end AS '
                                'span_end, first_evidence.method AS method, event.note AS note, (SELECT '
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
                                "'recorded_by', evidence.recorded_by))) AS json_rows_3 FROM evidence JOIN "
                                'source AS evidence_source ON evidence_source.id = evidence.source_id LEFT '
                                'OUTER JOIN entity AS evidence_publisher ON evidence_publisher.id = '
                                'evidence_source.publisher_id WHERE evidence.event_id = event.id AND '
                                'evidence.retracted_at IS NULL) AS evidence FROM event LEFT OUTER JOIN '
                                'evidence AS first_evidence ON first_evidence.id = coalesce((SELECT '
                                'min(evidence.id) AS min_1 FROM evidence WHERE evidence.event_id = event.id '
                                'AND evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 FROM '
                                'evidence WHERE evidence.event_id = event.id)) WHERE event.retracted_at IS '
                                'NULL AND event.id IN (SELECT event_participant.event_id FROM '
                                'event_participant WHERE event_participant.entity_id IN (SELECT entity.id '
                                'FROM entity WHERE (entity.id IN ({ids})) OR (entity.part_of_id IN '
                                '({ids})))) ORDER BY event.starts_on IS NULL, event.starts_on, event.id',
            'force_level_by_id': "SELECT force_level.id, json_object('id', force_level.organisation_id, "
                                 '\'key\', (SELECT entity."key" FROM entity WHERE entity.id = '
                                 "force_level.organisation_id), 'name_en', (SELECT entity_name.name FROM "
                                 'entity_name WHERE entity_name.entity_id = force_level.organisation_id AND '
                                 "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 "
                                 "ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), 'name_ar', (SELECT "
                                 'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                 "force_level.organisation_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                 'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET '
                                 "0)) AS organisation, (SELECT json_group_array(json(json_object('id', "
                                 "force_level_unit.id, 'lang', force_level_unit.lang, 'text', "
                                 "force_level_unit.text, 'is_original', force_level_unit.is_original))) AS "
                                 'json_rows_1 FROM force_level_unit WHERE force_level_unit.force_level_id = '
                                 'force_level.id) AS units, CASE WHEN (first_source.body IS NOT NULL AND '
                                 'first_evidence.span_start IS NOT NULL AND first_evidence.span_end IS NOT '
                                 'NULL) THEN substr(first_source.body, first_evidence.span_start + 1, '
                                 'first_evidence.span_end - first_evidence.span_start) END AS wording, '
                                 'first_source.lang AS wording_lang, force_level.count, '
                                 'force_level.approximate, force_level.readiness, force_level.as_of, '
                                 "force_level.statement_id, (SELECT json_object('id', statement.speaker_id, "
                                 '\'key\', (SELECT entity."key" FROM entity WHERE entity.id = '
                                 "statement.speaker_id), 'name_en', (SELECT entity_name.name FROM "
                                 'entity_name WHERE entity_name.entity_id = statement.speaker_id AND '
                                 "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 "
                                 "ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), 'name_ar', (SELECT "
                                 'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                 "statement.speaker_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                 'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET '
                                 '0)) AS json_obj_1 FROM statement WHERE statement.id = '
                                 'force_level.statement_id) AS asserted_by, first_evidence.source_id AS '
                                 'source_id, first_evidence.span_start AS span_start, '
                                 'first_evidence.span_end AS span_end, first_evidence.method AS method, '
                                 "force_level.note AS note, (SELECT json_group_array(json(json_object('id', "
                                 "evidence.id, 'source_id', evidence.source_id, 'title', "
                                 "evidence_source.title, 'url', evidence_source.url, 'publisher', "
                                 "evidence_source.publisher, 'publisher_entity', coalesce((SELECT "
                                 'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                 "evidence_publisher.id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                                 'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET '
                                 '0), (SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id '
                                 "= evidence_publisher.id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                 'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET '
                                 '0), (SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id '
                                 '= evidence_publisher.id ORDER BY entity_name.id LIMIT 1 OFFSET 0), '
                                 'evidence_publisher."key"), \'published_on\', evidence_source.published_on, '
                                 "'published_basis', evidence_source.published_basis, 'sha256', "
                                 "evidence_source.sha256, 'span_start', evidence.span_start, 'span_end', "
                                 "evidence.span_end, 'method', evidence.method, 'extractor_version', "
                                 "evidence.extractor_version, 'confidence', evidence.confidence, "
                                 "'recorded_at', evidence.recorded_at, 'recorded_by', "
                                 'evidence.recorded_by))) AS json_rows_2 FROM evidence JOIN source AS '
                                 'evidence_source ON evidence_source.id = evidence.source_id LEFT OUTER JOIN '
                                 'entity AS evidence_publisher ON evidence_publisher.id = '
                                 'evidence_source.publisher_id WHERE evidence.force_level_id = '
                                 'force_level.id AND evidence.retracted_at IS NULL) AS evidence FROM '
                                 'force_level LEFT OUTER JOIN evidence AS first_evidence ON '
                                 'first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 FROM '
                                 'evidence WHERE evidence.force_level_id = force_level.id AND '
                                 'evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 FROM '
                                 'evidence WHERE evidence.force_level_id = force_level.id)) LEFT OUTER JOIN '
                                 'source AS first_source ON first_source.id = first_evidence.source_id WHERE '
                                 'force_level.id = :id',
            'force_level_retraction': 'SELECT force_level.retracted_at, force_level.retracted_reason FROM '
                                      'force_level WHERE force_level.id = :id',
            'force_levels': "SELECT force_level.id, json_object('id', force_level.organisation_id, 'key', "
                            '(SELECT entity."key" FROM entity WHERE entity.id = '
                            "force_level.organisation_id), 'name_en', (SELECT entity_name.name FROM "
                            'entity_name WHERE entity_name.entity_id = force_level.organisation_id AND '
                            "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 "
                            "END, entity_name.id LIMIT 1 OFFSET 0), 'name_ar', (SELECT entity_name.name FROM "
                            'entity_name WHERE entity_name.entity_id = force_level.organisation_id AND '
                            "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 "
                            'END, entity_name.id LIMIT 1 OFFSET 0)) AS organisation, (SELECT '
                            "json_group_array(json(json_object('id', force_level_unit.id, 'lang', "
                            "force_level_unit.lang, 'text', force_level_unit.text, 'is_original', "
                            'force_level_unit.is_original))) AS json_rows_1 FROM force_level_unit WHERE '
                            'force_level_unit.force_level_id = force_level.id) AS units, CASE WHEN '
                            '(first_source.body IS NOT NULL AND first_evidence.span_start IS NOT NULL AND '
                            'first_evidence.span_end IS NOT NULL) THEN substr(first_source.body, '
                            'first_evidence.span_start + 1, first_evidence.span_end - '
                            'first_evidence.span_start) END AS wording, first_source.lang AS wording_lang, '
                            'force_level.count, force_level.approximate, force_level.readiness, '
                            "force_level.as_of, force_level.statement_id, (SELECT json_object('id', "
                            'statement.speaker_id, \'key\', (SELECT entity."key" FROM entity WHERE entity.id '
                            "= statement.speaker_id), 'name_en', (SELECT entity_name.name FROM entity_name "
                            "WHERE entity_name.entity_id = statement.speaker_id AND entity_name.lang = 'en' "
                            'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                            "LIMIT 1 OFFSET 0), 'name_ar', (SELECT entity_name.name FROM entity_name WHERE "
                            "entity_name.entity_id = statement.speaker_id AND entity_name.lang = 'ar' ORDER "
                            'BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 '
                            'OFFSET 0)) AS json_obj_1 FROM statement WHERE statement.id = '
                            'force_level.statement_id) AS asserted_by, first_evidence.source_id AS '
                            'source_id, first_evidence.span_start AS span_start, first_evidence.span_end AS '
                            'span_end, first_evidence.method AS method, force_level.note AS note, (SELECT '
                            "json_group_array(json(json_object('id', evidence.id, 'source_id', "
                            "evidence.source_id, 'title', evidence_source.title, 'url', evidence_source.url, "
                            "'publisher', evidence_source.publisher, 'publisher_entity', coalesce((SELECT "
                            'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                            "evidence_publisher.id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                            'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), '
                            '(SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                            "evidence_publisher.id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                            'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), '
                            '(SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                            'evidence_publisher.id ORDER BY entity_name.id LIMIT 1 OFFSET 0), '
                            'evidence_publisher."key"), \'published_on\', evidence_source.published_on, '
                            "'published_basis', evidence_source.published_basis, 'sha256', "
                            "evidence_source.sha256, 'span_start', evidence.span_start, 'span_end', "
                            "evidence.span_end, 'method', evidence.method, 'extractor_version', "
                            "evidence.extractor_version, 'confidence', evidence.confidence, 'recorded_at', "
                            "evidence.recorded_at, 'recorded_by', evidence.recorded_by))) AS json_rows_2 "
                            'FROM evidence JOIN source AS evidence_source ON evidence_source.id = '
                            'evidence.source_id LEFT OUTER JOIN entity AS evidence_publisher ON '
                            'evidence_publisher.id = evidence_source.publisher_id WHERE '
                            'evidence.force_level_id = force_level.id AND evidence.retracted_at IS NULL) AS '
                            'evidence FROM force_level LEFT OUTER JOIN evidence AS first_evidence ON '
                            'first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 FROM evidence '
                            'WHERE evidence.force_level_id = force_level.id AND evidence.retracted_at IS '
                            'NULL), (SELECT min(evidence.id) AS min_2 FROM evidence WHERE '
                            'evidence.force_level_id = force_level.id)) LEFT OUTER JOIN source AS '
                            'first_source ON first_source.id = first_evidence.source_id WHERE '
                            'force_level.retracted_at IS NULL ORDER BY force_level.organisation_id, '
                            'force_level.readiness, force_level.as_of, force_level.id',
            'force_levels_of': "SELECT force_level.id, json_object('id', force_level.organisation_id, 'key', "
                               '(SELECT entity."key" FROM entity WHERE entity.id = '
                               "force_level.organisation_id), 'name_en', (SELECT entity_name.name FROM "
                               'entity_name WHERE entity_name.entity_id = force_level.organisation_id AND '
                               "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 "
                               "ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), 'name_ar', (SELECT "
                               'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                               "force_level.organisation_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                               'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0)) '
                               "AS organisation, (SELECT json_group_array(json(json_object('id', "
                               "force_level_unit.id, 'lang', force_level_unit.lang, 'text', "
                               "force_level_unit.text, 'is_original', force_level_unit.is_original))) AS "
                               'json_rows_1 FROM force_level_unit WHERE force_level_unit.force_level_id = '
                               'force_level.id) AS units, CASE WHEN (first_source.body IS NOT NULL AND '
                               'first_evidence.span_start IS NOT NULL AND first_evidence.span_end IS NOT '
                               'NULL) THEN substr(first_source.body, first_evidence.span_start + 1, '
                               'first_evidence.span_end - first_evidence.span_start) END AS wording, '
                               'first_source.lang AS wording_lang, force_level.count, '
                               'force_level.approximate, force_level.readiness, force_level.as_of, '
                               "force_level.statement_id, (SELECT json_object('id', statement.speaker_id, "
                               '\'key\', (SELECT entity."key" FROM entity WHERE entity.id = '
                               "statement.speaker_id), 'name_en', (SELECT entity_name.name FROM entity_name "
                               'WHERE entity_name.entity_id = statement.speaker_id AND entity_name.lang = '
                               "'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                               "entity_name.id LIMIT 1 OFFSET 0), 'name_ar', (SELECT entity_name.name FROM "
                               'entity_name WHERE entity_name.entity_id = statement.speaker_id AND '
                               "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 "
                               'ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0)) AS json_obj_1 FROM statement '
                               'WHERE statement.id = force_level.statement_id) AS asserted_by, '
                               'first_evidence.source_id AS source_id, first_evidence.span_start AS '
                               'span_start, first_evidence.span_end AS span_end, first_evidence.method AS '
                               'method, force_level.note AS note, (SELECT '
                               "json_group_array(json(json_object('id', evidence.id, 'source_id', "
                               "evidence.source_id, 'title', evidence_source.title, 'url', "
                               "evidence_source.url, 'publisher', evidence_source.publisher, "
                               "'publisher_entity', coalesce((SELECT entity_name.name FROM entity_name WHERE "
                               "entity_name.entity_id = evidence_publisher.id AND entity_name.lang = 'en' "
                               'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                               'LIMIT 1 OFFSET 0), (SELECT entity_name.name FROM entity_name WHERE '
                               "entity_name.entity_id = evidence_publisher.id AND entity_name.lang = 'ar' "
                               'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                               'LIMIT 1 OFFSET 0), (SELECT entity_name.name FROM entity_name WHERE '
                               'entity_name.entity_id = evidence_publisher.id ORDER BY entity_name.id LIMIT '
                               '1 OFFSET 0), evidence_publisher."key"), \'published_on\', '
                               "evidence_source.published_on, 'published_basis', "
                               "evidence_source.published_basis, 'sha256', evidence_source.sha256, "
                               "'span_start', evidence.span_start, 'span_end', evidence.span_end, 'method', "
                               "evidence.method, 'extractor_version', evidence.extractor_version, "
                               "'confidence', evidence.confidence, 'recorded_at', evidence.recorded_at, "
                               "'recorded_by', evidence.recorded_by))) AS json_rows_2 FROM evidence JOIN "
                               'source AS evidence_source ON evidence_source.id = evidence.source_id LEFT '
                               'OUTER JOIN entity AS evidence_publisher ON evidence_publisher.id = '
                               'evidence_source.publisher_id WHERE evidence.force_level_id = force_level.id '
                               'AND evidence.retracted_at IS NULL) AS evidence FROM force_level LEFT OUTER '
                               'JOIN evidence AS first_evidence ON first_evidence.id = coalesce((SELECT '
                               'min(evidence.id) AS min_1 FROM evidence WHERE evidence.force_level_id = '
                               'force_level.id AND evidence.retracted_at IS NULL), (SELECT min(evidence.id) '
                               'AS min_2 FROM evidence WHERE evidence.force_level_id = force_level.id)) LEFT '
                               'OUTER JOIN source AS first_source ON first_source.id = '
                               'first_evidence.source_id WHERE force_level.retracted_at IS NULL AND '
                               'force_level.organisation_id = :organisation_id ORDER BY '
                               'force_level.organisation_id, force_level.readiness, force_level.as_of, '
                               'force_level.id',
            'linked_entities': 'SELECT entity.id, entity."key", entity.kind, (SELECT external_id.value FROM '
                               'external_id WHERE external_id.entity_id = entity.id AND external_id.scheme = '
                               "'wikidata') AS wikidata FROM entity WHERE entity.id IN ({ids}) ORDER BY "
                               'entity.id',
            'membership_by_id': "SELECT membership.id, json_object('id', membership.alliance_id, 'key', "
                                '(SELECT entity."key" FROM entity WHERE entity.id = membership.alliance_id), '
                                "'name_en', (SELECT entity_name.name FROM entity_name WHERE "
                                "entity_name.entity_id = membership.alliance_id AND entity_name.lang = 'en' "
                                'ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id '
                                "LIMIT 1 OFFSET 0), 'name_ar', (SELECT entity_name.name FROM entity_name "
                                'WHERE entity_name.entity_id = membership.alliance_id AND entity_name.lang = '
                                "'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                                "entity_name.id LIMIT 1 OFFSET 0)) AS alliance, json_object('id', "
                                'membership.member_id, \'key\', (SELECT entity."key" FROM entity WHERE '
                                "entity.id = membership.member_id), 'name_en', (SELECT entity_name.name FROM "
                                'entity_name WHERE entity_name.entity_id = membership.member_id AND '
                                "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 "
                                "ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), 'name_ar', (SELECT "
                                'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                "membership.member_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0)) '
                                'AS member, membership.status, membership.valid_from, membership.valid_to, '
                                'first_evidence.source_id AS source_id, first_evidence.span_start AS '
                                'span_start, first_evidence.span_end AS span_end, first_evidence.method AS '
                                'method, membership.note AS note, (SELECT '
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
                                "'recorded_by', evidence.recorded_by))) AS json_rows_1 FROM evidence JOIN "
                                'source AS evidence_source ON evidence_source.id = evidence.source_id LEFT '
                                'OUTER JOIN entity AS evidence_publisher ON evidence_publisher.id = '
                                'evidence_source.publisher_id WHERE evidence.membership_id = membership.id '
                                'AND evidence.retracted_at IS NULL) AS evidence FROM membership LEFT OUTER '
                                'JOIN evidence AS first_evidence ON first_evidence.id = coalesce((SELECT '
                                'min(evidence.id) AS min_1 FROM evidence WHERE evidence.membership_id = '
                                'membership.id AND evidence.retracted_at IS NULL), (SELECT min(evidence.id) '
                                'AS min_2 FROM evidence WHERE evidence.membership_id = membership.id)) WHERE '
                                'membership.id = :id',
            'membership_retraction': 'SELECT membership.retracted_at, membership.retracted_reason FROM '
                                     'membership WHERE membership.id = :id',
            'memberships': "SELECT membership.id, json_object('id', membership.alliance_id, 'key', (SELECT "
                           'entity."key" FROM entity WHERE entity.id = membership.alliance_id), \'name_en\', '
                           '(SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                           "membership.alliance_id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                           'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), '
                           "'name_ar', (SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id "
                           "= membership.alliance_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                           'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0)) AS '
                           "alliance, json_object('id', membership.member_id, 'key', (SELECT "
                           'entity."key" FROM entity WHERE entity.id = membership.member_id), \'name_en\', '
                           '(SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                           "membership.member_id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                           'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), '
                           "'name_ar', (SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id "
                           "= membership.member_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                           'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0)) AS '
                           'member, membership.status, membership.valid_from, membership.valid_to, '
                           'first_evidence.source_id AS source_id, first_evidence.span_start AS span_start, '
                           'first_evidence.span_end AS span_end, first_evidence.method AS method, '
                           "membership.note AS note, (SELECT json_group_array(json(json_object('id', "
                           "evidence.id, 'source_id', evidence.source_id, 'title', evidence_source.title, "
                           "'url', evidence_source.url, 'publisher', evidence_source.publisher, "
                           "'publisher_entity', coalesce((SELECT entity_name.name FROM entity_name WHERE "
                           "entity_name.entity_id = evidence_publisher.id AND entity_name.lang = 'en' ORDER "
                           'BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 '
                           'OFFSET 0), (SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id '
                           "= evidence_publisher.id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                           'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), '
                           '(SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                           'evidence_publisher.id ORDER BY entity_name.id LIMIT 1 OFFSET 0), '
                           'evidence_publisher."key"), \'published_on\', evidence_source.published_on, '
                           "'published_basis', evidence_source.published_basis, 'sha256', "
                           "evidence_source.sha256, 'span_start', evidence.span_start, 'span_end', "
                           "evidence.span_end, 'method', evidence.method, 'extractor_version', "
                           "evidence.extractor_version, 'confidence', evidence.confidence, 'recorded_at', "
                           "evidence.recorded_at, 'recorded_by', evidence.recorded_by))) AS json_rows_1 FROM "
                           'evidence JOIN source AS evidence_source ON evidence_source.id = '
                           'evidence.source_id LEFT OUTER JOIN entity AS evidence_publisher ON '
                           'evidence_publisher.id = evidence_source.publisher_id WHERE '
                           'evidence.membership_id = membership.id AND evidence.retracted_at IS NULL) AS '
                           'evidence FROM membership LEFT OUTER JOIN evidence AS first_evidence ON '
                           'first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 FROM evidence '
                           'WHERE evidence.membership_id = membership.id AND evidence.retracted_at IS NULL), '
                           '(SELECT min(evidence.id) AS min_2 FROM evidence WHERE evidence.membership_id = '
                           'membership.id)) WHERE membership.alliance_id = :alliance_id AND '
                           'membership.retracted_at IS NULL ORDER BY membership.id',
            'memberships_as_alliance': "SELECT membership.id, json_object('id', membership.alliance_id, "
                                       '\'key\', (SELECT entity."key" FROM entity WHERE entity.id = '
                                       "membership.alliance_id), 'name_en', (SELECT entity_name.name FROM "
                                       'entity_name WHERE entity_name.entity_id = membership.alliance_id AND '
                                       "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary "
                                       "THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), 'name_ar', "
                                       '(SELECT entity_name.name FROM entity_name WHERE '
                                       'entity_name.entity_id = membership.alliance_id AND entity_name.lang '
                                       "= 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                                       "entity_name.id LIMIT 1 OFFSET 0)) AS alliance, json_object('id', "
                                       'membership.member_id, \'key\', (SELECT entity."key" FROM entity '
                                       "WHERE entity.id = membership.member_id), 'name_en', (SELECT "
                                       'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                       "membership.member_id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                                       'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 '
                                       "OFFSET 0), 'name_ar', (SELECT entity_name.name FROM entity_name "
                                       'WHERE entity_name.entity_id = membership.member_id AND '
                                       "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary "
                                       'THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0)) AS member, '
                                       'membership.status, membership.valid_from, membership.valid_to, '
                                       'first_evidence.source_id AS source_id, first_evidence.span_start AS '
                                       'span_start, first_evidence.span_end AS span_end, '
                                       'first_evidence.method AS method, membership.note AS note, (SELECT '
                                       "json_group_array(json(json_object('id', evidence.id, 'source_id', "
                                       "evidence.source_id, 'title', evidence_source.title, 'url', "
                                       "evidence_source.url, 'publisher', evidence_source.publisher, "
                                       "'publisher_entity', coalesce((SELECT entity_name.name FROM "
                                       'entity_name WHERE entity_name.entity_id = evidence_publisher.id AND '
                                       "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary "
                                       'THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), (SELECT '
                                       'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                       "evidence_publisher.id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                       'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 '
                                       'OFFSET 0), (SELECT entity_name.name FROM entity_name WHERE '
                                       'entity_name.entity_id = evidence_publisher.id ORDER BY '
                                       'entity_name.id LIMIT 1 OFFSET 0), evidence_publisher."key"), '
                                       "'published_on', evidence_source.published_on, 'published_basis', "
                                       "evidence_source.published_basis, 'sha256', evidence_source.sha256, "
                                       "'span_start', evidence.span_start, 'span_end', evidence.span_end, "
                                       "'method', evidence.method, 'extractor_version', "
                                       "evidence.extractor_version, 'confidence', evidence.confidence, "
                                       "'recorded_at', evidence.recorded_at, 'recorded_by', "
                                       'evidence.recorded_by))) AS json_rows_1 FROM evidence JOIN source AS '
                                       'evidence_source ON evidence_source.id = evidence.source_id LEFT '
                                       'OUTER JOIN entity AS evidence_publisher ON evidence_publisher.id = '
                                       'evidence_source.publisher_id WHERE evidence.membership_id = '
                                       'membership.id AND evidence.retracted_at IS NULL) AS evidence FROM '
                                       'membership LEFT OUTER JOIN evidence AS first_evidence ON '
                                       'first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 FROM '
                                       'evidence WHERE evidence.membership_id = membership.id AND '
                                       'evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 '
                                       'FROM evidence WHERE evidence.membership_id = membership.id)) WHERE '
                                       'membership.alliance_id = :entity_id AND membership.retracted_at IS '
                                       'NULL ORDER BY membership.member_id, membership.valid_from, '
                                       'membership.id',
            'memberships_as_member': "SELECT membership.id, json_object('id', membership.alliance_id, 'key', "
                                     '(SELECT entity."key" FROM entity WHERE entity.id = '
                                     "membership.alliance_id), 'name_en', (SELECT entity_name.name FROM "
                                     'entity_name WHERE entity_name.entity_id = membership.alliance_id AND '
                                     "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN "
                                     "0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), 'name_ar', (SELECT "
                                     'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                     "membership.alliance_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                     'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 '
                                     "OFFSET 0)) AS alliance, json_object('id', membership.member_id, 'key', "
                                     '(SELECT entity."key" FROM entity WHERE entity.id = '
                                     "membership.member_id), 'name_en', (SELECT entity_name.name FROM "
                                     'entity_name WHERE entity_name.entity_id = membership.member_id AND '
                                     "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN "
                                     "0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), 'name_ar', (SELECT "
                                     'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                     "membership.member_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                     'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 '
                                     'OFFSET 0)) AS member, membership.status, membership.valid_from, '
                                     'membership.valid_to, first_evidence.source_id AS source_id, '
                                     'first_evidence.span_start AS span_start, first_evidence.span_end AS '
                                     'span_end, first_evidence.method AS method, membership.note AS note, '
                                     "(SELECT json_group_array(json(json_object('id', evidence.id, "
                                     "'source_id', evidence.source_id, 'title', evidence_source.title, "
                                     "'url', evidence_source.url, 'publisher', evidence_source.publisher, "
                                     "'publisher_entity', coalesce((SELECT entity_name.name FROM entity_name "
                                     'WHERE entity_name.entity_id = evidence_publisher.id AND '
                                     "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN "
                                     '0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), (SELECT '
                                     'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                     "evidence_publisher.id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                     'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 '
                                     'OFFSET 0), (SELECT entity_name.name FROM entity_name WHERE '
                                     'entity_name.entity_id = evidence_publisher.id ORDER BY entity_name.id '
                                     'LIMIT 1 OFFSET 0), evidence_publisher."key"), \'published_on\', '
                                     "evidence_source.published_on, 'published_basis', "
                                     "evidence_source.published_basis, 'sha256', evidence_source.sha256, "
                                     "'span_start', evidence.span_start, 'span_end', evidence.span_end, "
                                     "'method', evidence.method, 'extractor_version', "
                                     "evidence.extractor_version, 'confidence', evidence.confidence, "
                                     "'recorded_at', evidence.recorded_at, 'recorded_by', "
                                     'evidence.recorded_by))) AS json_rows_1 FROM evidence JOIN source AS '
                                     'evidence_source ON evidence_source.id = evidence.source_id LEFT OUTER '
                                     'JOIN entity AS evidence_publisher ON evidence_publisher.id = '
                                     'evidence_source.publisher_id WHERE evidence.membership_id = '
                                     'membership.id AND evidence.retracted_at IS NULL) AS evidence FROM '
                                     'membership LEFT OUTER JOIN evidence AS first_evidence ON '
                                     'first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 FROM '
                                     'evidence WHERE evidence.membership_id = membership.id AND '
                                     'evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 FROM '
                                     'evidence WHERE evidence.membership_id = membership.id)) WHERE '
                                     'membership.member_id = :entity_id AND membership.retracted_at IS NULL '
                                     'ORDER BY membership.alliance_id, membership.valid_from, membership.id',
            'officials': 'SELECT entity.id FROM entity WHERE entity.id = :org_id OR entity.part_of_id = '
                         ':org_id UNION SELECT role.person_id FROM role WHERE role.organisation_id = :org_id',
            'organisation_fact_by_id': "SELECT organisation_fact.id, json_object('id', "
                                       'organisation_fact.subject_id, \'key\', (SELECT entity."key" FROM '
                                       "entity WHERE entity.id = organisation_fact.subject_id), 'name_en', "
                                       '(SELECT entity_name.name FROM entity_name WHERE '
                                       'entity_name.entity_id = organisation_fact.subject_id AND '
                                       "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary "
                                       "THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), 'name_ar', "
                                       '(SELECT entity_name.name FROM entity_name WHERE '
                                       'entity_name.entity_id = organisation_fact.subject_id AND '
                                       "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary "
                                       'THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0)) AS subject, '
                                       'organisation_fact.kind, (SELECT '
                                       "json_group_array(json(json_object('id', organisation_fact_text.id, "
                                       "'lang', organisation_fact_text.lang, 'text', "
                                       "organisation_fact_text.text, 'is_original', "
                                       'organisation_fact_text.is_original))) AS json_rows_1 FROM '
                                       'organisation_fact_text WHERE organisation_fact_text.fact_id = '
                                       'organisation_fact.id) AS texts, organisation_fact.statement_id, '
                                       'first_evidence.source_id AS source_id, first_evidence.span_start AS '
                                       'span_start, first_evidence.span_end AS span_end, '
                                       'first_evidence.method AS method, organisation_fact.note AS note, '
                                       "(SELECT json_group_array(json(json_object('id', evidence.id, "
                                       "'source_id', evidence.source_id, 'title', evidence_source.title, "
                                       "'url', evidence_source.url, 'publisher', evidence_source.publisher, "
                                       "'publisher_entity', coalesce((SELECT entity_name.name FROM "
                                       'entity_name WHERE entity_name.entity_id = evidence_publisher.id AND '
                                       "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary "
                                       'THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), (SELECT '
                                       'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                       "evidence_publisher.id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                                       'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 '
                                       'OFFSET 0), (SELECT entity_name.name FROM entity_name WHERE '
                                       'entity_name.entity_id = evidence_publisher.id ORDER BY '
                                       'entity_name.id LIMIT 1 OFFSET 0), evidence_publisher."key"), '
                                       "'published_on', evidence_source.published_on, 'published_basis', "
                                       "evidence_source.published_basis, 'sha256', evidence_source.sha256, "
                                       "'span_start', evidence.span_start, 'span_end', evidence.span_end, "
                                       "'method', evidence.method, 'extractor_version', "
                                       "evidence.extractor_version, 'confidence', evidence.confidence, "
                                       "'recorded_at', evidence.recorded_at, 'recorded_by', "
                                       'evidence.recorded_by))) AS json_rows_2 FROM evidence JOIN source AS '
                                       'evidence_source ON evidence_source.id = evidence.source_id LEFT '
                                       'OUTER JOIN entity AS evidence_publisher ON evidence_publisher.id = '
                                       'evidence_source.publisher_id WHERE evidence.organisation_fact_id = '
                                       'organisation_fact.id AND evidence.retracted_at IS NULL) AS evidence '
                                       'FROM organisation_fact LEFT OUTER JOIN evidence AS first_evidence ON '
                                       'first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 FROM '
                                       'evidence WHERE evidence.organisation_fact_id = organisation_fact.id '
                                       'AND evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS '
                                       'min_2 FROM evidence WHERE evidence.organisation_fact_id = '
                                       'organisation_fact.id)) WHERE organisation_fact.id = :id',
            'organisation_fact_retraction': 'SELECT organisation_fact.retracted_at, '
                                            'organisation_fact.retracted_reason FROM organisation_fact WHERE '
                                            'organisation_fact.id = :id',
            'organisation_facts': "SELECT organisation_fact.id, json_object('id', "
                                  'organisation_fact.subject_id, \'key\', (SELECT entity."key" FROM entity '
                                  "WHERE entity.id = organisation_fact.subject_id), 'name_en', (SELECT "
                                  'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                                  "organisation_fact.subject_id AND entity_name.lang = 'en' ORDER BY CASE "
                                  'WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 '
                                  "OFFSET 0), 'name_ar', (SELECT entity_name.name FROM entity_name WHERE "
                                  'entity_name.entity_id = organisation_fact.subject_id AND entity_name.lang '
                                  "= 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                                  'entity_name.id LIMIT 1 OFFSET 0)) AS subject, organisation_fact.kind, '
                                  "(SELECT json_group_array(json(json_object('id', "
                                  "organisation_fact_text.id, 'lang', organisation_fact_text.lang, 'text', "
                                  "organisation_fact_text.text, 'is_original', "
                                  'organisation_fact_text.is_original))) AS json_rows_1 FROM '
                                  'organisation_fact_text WHERE organisation_fact_text.fact_id = '
                                  'organisation_fact.id) AS texts, organisation_fact.statement_id, '
                                  'first_evidence.source_id AS source_id, first_evidence.span_start AS '
                                  'span_start, first_evidence.span_end AS span_end, first_evidence.method AS '
                                  'method, organisation_fact.note AS note, (SELECT '
                                  "json_group_array(json(json_object('id', evidence.id, 'source_id', "
                                  "evidence.source_id, 'title', evidence_source.title, 'url', "
                                  "evidence_source.url, 'publisher', evidence_source.publisher, "
                                  "'publisher_entity', coalesce((SELECT entity_name.name FROM entity_name "
                                  'WHERE entity_name.entity_id = evidence_publisher.id AND entity_name.lang '
                                  "= 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                                  'entity_name.id LIMIT 1 OFFSET 0), (SELECT entity_name.name FROM '
                                  'entity_name WHERE entity_name.entity_id = evidence_publisher.id AND '
                                  "entity_name.lang = 'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 "
                                  'ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), (SELECT entity_name.name '
                                  'FROM entity_name WHERE entity_name.entity_id = evidence_publisher.id '
                                  'ORDER BY entity_name.id LIMIT 1 OFFSET 0), evidence_publisher."key"), '
                                  "'published_on', evidence_source.published_on, 'published_basis', "
                                  "evidence_source.published_basis, 'sha256', evidence_source.sha256, "
                                  "'span_start', evidence.span_start, 'span_end', evidence.span_end, "
                                  "'method', evidence.method, 'extractor_version', "
                                  "evidence.extractor_version, 'confidence', evidence.confidence, "
                                  "'recorded_at', evidence.recorded_at, 'recorded_by', "
                                  'evidence.recorded_by))) AS json_rows_2 FROM evidence JOIN source AS '
                                  'evidence_source ON evidence_source.id = evidence.source_id LEFT OUTER '
                                  'JOIN entity AS evidence_publisher ON evidence_publisher.id = '
                                  'evidence_source.publisher_id WHERE evidence.organisation_fact_id = '
                                  'organisation_fact.id AND evidence.retracted_at IS NULL) AS evidence FROM '
                                  'organisation_fact LEFT OUTER JOIN evidence AS first_evidence ON '
                                  'first_evidence.id = coalesce((SELECT min(evidence.id) AS min_1 FROM '
                                  'evidence WHERE evidence.organisation_fact_id = organisation_fact.id AND '
                                  'evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 FROM '
                                  'evidence WHERE evidence.organisation_fact_id = organisation_fact.id)) '
                                  'WHERE organisation_fact.subject_id IN (SELECT entity.id FROM entity WHERE '
                                  'entity.id = :org_id OR entity.part_of_id = :org_id) AND '
                                  'organisation_fact.retracted_at IS NULL ORDER BY organisation_fact.id',
            'parts': 'SELECT entity.id FROM entity WHERE entity.id = :org_id OR entity.part_of_id = :org_id',
            'publisher_wikidata_ids': 'SELECT source.id, external_id.value FROM source JOIN external_id ON '
                                      'external_id.entity_id = source.publisher_id WHERE external_id.scheme '
                                      "= 'wikidata' AND (source.id IN ({ids})) ORDER BY source.id",
            'role_by_id': 'SELECT role.id, json_object(\'id\', role.person_id, \'key\', (SELECT entity."key" '
                          "FROM entity WHERE entity.id = role.person_id), 'name_en', (SELECT "
                          'entity_name.name FROM entity_name WHERE entity_name.entity_id = role.person_id '
                          "AND entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE "
                          "1 END, entity_name.id LIMIT 1 OFFSET 0), 'name_ar', (SELECT entity_name.name FROM "
                          'entity_name WHERE entity_name.entity_id = role.person_id AND entity_name.lang = '
                          "'ar' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id "
                          'LIMIT 1 OFFSET 0)) AS person, CASE WHEN (role.organisation_id IS NULL) THEN NULL '
                          'ELSE json_object(\'id\', role.organisation_id, \'key\', (SELECT entity."key" FROM '
                          "entity WHERE entity.id = role.organisation_id), 'name_en', (SELECT "
                          'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                          "role.organisation_id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                          'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), '
                          "'name_ar', (SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id "
                          "= role.organisation_id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                          'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0)) END '
                          "AS organisation, (SELECT json_group_array(json(json_object('id', role_title.id, "
                          "'lang', role_title.lang, 'text', role_title.text, 'is_original', "
                          'role_title.is_original))) AS json_rows_1 FROM role_title WHERE role_title.role_id '
                          '= role.id) AS titles, role.valid_from, role.valid_to, first_evidence.source_id AS '
                          'source_id, first_evidence.span_start AS span_start, first_evidence.span_end AS '
                          'span_end, first_evidence.method AS method, role.note AS note, (SELECT '
                          "json_group_array(json(json_object('id', evidence.id, 'source_id', "
                          "evidence.source_id, 'title', evidence_source.title, 'url', evidence_source.url, "
                          "'publisher', evidence_source.publisher, 'publisher_entity', coalesce((SELECT "
                          'entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                          "evidence_publisher.id AND entity_name.lang = 'en' ORDER BY CASE WHEN "
                          'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), '
                          '(SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                          "evidence_publisher.id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                          'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), '
                          '(SELECT entity_name.name FROM entity_name WHERE entity_name.entity_id = '
                          'evidence_publisher.id ORDER BY entity_name.id LIMIT 1 OFFSET 0), '
                          'evidence_publisher."key"), \'published_on\', evidence_source.published_on, '
                          "'published_basis', evidence_source.published_basis, 'sha256', "
                          "evidence_source.sha256, 'span_start', evidence.span_start, 'span_end', "
                          "evidence.span_end, 'method', evidence.method, 'extractor_version', "
                          "evidence.extractor_version, 'confidence', evidence.confidence, 'recorded_at', "
                          "evidence.recorded_at, 'recorded_by', evidence.recorded_by))) AS json_rows_2 FROM "
                          'evidence JOIN source AS evidence_source ON evidence_source.id = '
                          'evidence.source_id LEFT OUTER JOIN entity AS evidence_publisher ON '
                          'evidence_publisher.id = evidence_source.publisher_id WHERE evidence.role_id = '
                          'role.id AND evidence.retracted_at IS NULL) AS evidence FROM role LEFT OUTER JOIN '
                          'evidence AS first_evidence ON first_evidence.id = coalesce((SELECT '
                          'min(evidence.id) AS min_1 FROM evidence WHERE evidence.role_id = role.id AND '
                          'evidence.retracted_at IS NULL), (SELECT min(evidence.id) AS min_2 FROM evidence '
                          'WHERE evidence.role_id = role.id)) WHERE role.id = :id',
            'role_retraction': 'SELECT role.retracted_at, role.retracted_reason FROM role WHERE role.id = '
                               ':id',
            'sheet_officials_latest': 'SELECT latest.id FROM (SELECT latest_both.id AS id, '
                                      'latest_both.said_on AS said_on, latest_both.speaker_id AS speaker_id '
                                      'FROM (SELECT latest_dated.id AS id, latest_dated.said_on AS said_on, '
                                      'latest_dated.speaker_id AS speaker_id FROM (SELECT statement.id AS '
                                      'id, statement.said_on AS said_on, statement.speaker_id AS speaker_id '
                                      'FROM statement WHERE statement.retracted_at IS NULL AND '
                                      '(statement.speaker_id IN ({officials})) AND statement.said_on IS NOT '
                                      'NULL ORDER BY statement.said_on DESC, statement.id DESC LIMIT :limit '
                                      'OFFSET 0) AS latest_dated UNION ALL SELECT latest_undated.id AS id, '
                                      'latest_undated.said_on AS said_on, latest_undated.speaker_id AS '
                                      'speaker_id FROM (SELECT statement.id AS id, statement.said_on AS '
                                      'said_on, statement.speaker_id AS speaker_id FROM statement WHERE '
                                      'statement.retracted_at IS NULL AND (statement.speaker_id IN '
                                      '({officials})) AND statement.said_on IS NULL ORDER BY statement.id '
                                      'DESC LIMIT :limit OFFSET 0) AS latest_undated) AS latest_both ORDER '
                                      'BY latest_both.said_on DESC NULLS LAST, latest_both.id DESC LIMIT '
                                      ':limit OFFSET 0) AS latest',
            'sheet_officials_latest_dated': 'SELECT latest.id FROM (SELECT latest_both.id AS id, '
                                            'latest_both.said_on AS said_on, latest_both.speaker_id AS '
                                            'speaker_id FROM (SELECT latest_dated.id AS id, '
                                            'latest_dated.said_on AS said_on, latest_dated.speaker_id AS '
                                            'speaker_id FROM (SELECT statement.id AS id, statement.said_on '
                                            'AS said_on, statement.speaker_id AS speaker_id FROM statement '
                                            'WHERE statement.retracted_at IS NULL AND statement.said_on < '
                                            ':as_of_bound AND (statement.speaker_id IN ({officials})) AND '
                                            'statement.said_on IS NOT NULL ORDER BY statement.said_on DESC, '
                                            'statement.id DESC LIMIT :limit OFFSET 0) AS latest_dated UNION '
                                            'ALL SELECT latest_undated.id AS id, latest_undated.said_on AS '
                                            'said_on, latest_undated.speaker_id AS speaker_id FROM (SELECT '
                                            'statement.id AS id, statement.said_on AS said_on, '
                                            'statement.speaker_id AS speaker_id FROM statement WHERE '
                                            'statement.retracted_at IS NULL AND statement.said_on < '
                                            ':as_of_bound AND (statement.speaker_id IN ({officials})) AND '
                                            'statement.said_on IS NULL ORDER BY statement.id DESC LIMIT '
                                            ':limit OFFSET 0) AS latest_undated) AS latest_both ORDER BY '
                                            'latest_both.said_on DESC NULLS LAST, latest_both.id DESC LIMIT '
                                            ':limit OFFSET 0) AS latest',
            'sheet_others_held_each': 'SELECT count(*) AS count_1 FROM (SELECT newest_both.id AS id, '
                                      'newest_both.said_on AS said_on, newest_both.speaker_id AS speaker_id '
                                      'FROM (SELECT newest_dated.id AS id, newest_dated.said_on AS said_on, '
                                      'newest_dated.speaker_id AS speaker_id FROM (SELECT statement.id AS '
                                      'id, statement.said_on AS said_on, statement.speaker_id AS speaker_id '
                                      'FROM statement WHERE statement.retracted_at IS NULL AND (EXISTS '
                                      '(SELECT statement_about.statement_id FROM statement_about WHERE '
                                      'statement_about.statement_id = statement.id AND '
                                      '(statement_about.entity_id IN ({parts})))) AND (statement.speaker_id '
                                      'NOT IN ({officials})) AND statement.said_on IS NOT NULL ORDER BY '
                                      'statement.said_on DESC, statement.id DESC LIMIT :prefix OFFSET 0) AS '
                                      'newest_dated UNION ALL SELECT newest_undated.id AS id, '
                                      'newest_undated.said_on AS said_on, newest_undated.speaker_id AS '
                                      'speaker_id FROM (SELECT statement.id AS id, statement.said_on AS '
                                      'said_on, statement.speaker_id AS speaker_id FROM statement WHERE '
                                      'statement.retracted_at IS NULL AND (EXISTS (SELECT '
                                      'statement_about.statement_id FROM statement_about WHERE '
                                      'statement_about.statement_id = statement.id AND '
                                      '(statement_about.entity_id IN ({parts})))) AND (statement.speaker_id '
                                      'NOT IN ({officials})) AND statement.said_on IS NULL ORDER BY '
                                      'statement.id DESC LIMIT :prefix OFFSET 0) AS newest_undated) AS '
                                      'newest_both ORDER BY newest_both.said_on DESC NULLS LAST, '
                                      'newest_both.id DESC LIMIT :prefix OFFSET 0) AS newest',
            'sheet_others_held_each_dated': 'SELECT count(*) AS count_1 FROM (SELECT newest_both.id AS id, '
                                            'newest_both.said_on AS said_on, newest_both.speaker_id AS '
                                            'speaker_id FROM (SELECT newest_dated.id AS id, '
                                            'newest_dated.said_on AS said_on, newest_dated.speaker_id AS '
                                            'speaker_id FROM (SELECT statement.id AS id, statement.said_on '
                                            'AS said_on, statement.speaker_id AS speaker_id FROM statement '
                                            'WHERE statement.retracted_at IS NULL AND statement.said_on < '
                                            ':as_of_bound AND (EXISTS (SELECT statement_about.statement_id '
                                            'FROM statement_about WHERE statement_about.statement_id = '
                                            'statement.id AND (statement_about.entity_id IN ({parts})))) AND '
                                            '(statement.speaker_id NOT IN ({officials})) AND '
                                            'statement.said_on IS NOT NULL ORDER BY statement.said_on DESC, '
                                            'statement.id DESC LIMIT :prefix OFFSET 0) AS newest_dated UNION '
                                            'ALL SELECT newest_undated.id AS id, newest_undated.said_on AS '
                                            'said_on, newest_undated.speaker_id AS speaker_id FROM (SELECT '
                                            'statement.id AS id, statement.said_on AS said_on, '
                                            'statement.speaker_id AS speaker_id FROM statement WHERE '
                                            'statement.retracted_at IS NULL AND statement.said_on < '
                                            ':as_of_bound AND (EXISTS (SELECT statement_about.statement_id '
                                            'FROM statement_about WHERE statement_about.statement_id = '
                                            'statement.id AND (statement_about.entity_id IN ({parts})))) AND '
                                            '(statement.speaker_id NOT IN ({officials})) AND '
                                            'statement.said_on IS NULL ORDER BY statement.id DESC LIMIT '
                                            ':prefix OFFSET 0) AS newest_undated) AS newest_both ORDER BY '
                                            'newest_both.said_on DESC NULLS LAST, newest_both.id DESC LIMIT '
                                            ':prefix OFFSET 0) AS newest',
            'sheet_others_held_in': 'SELECT count(*) AS count_1 FROM (SELECT newest_both.id AS id, '
                                    'newest_both.said_on AS said_on, newest_both.speaker_id AS speaker_id '
                                    'FROM (SELECT newest_dated.id AS id, newest_dated.said_on AS said_on, '
                                    'newest_dated.speaker_id AS speaker_id FROM (SELECT statement.id AS id, '
                                    'statement.said_on AS said_on, statement.speaker_id AS speaker_id FROM '
                                    'statement WHERE statement.retracted_at IS NULL AND statement.id IN '
                                    '(SELECT statement_about.statement_id FROM statement_about WHERE '
                                    'statement_about.entity_id IN ({parts})) AND (statement.speaker_id NOT '
                                    'IN ({officials})) AND statement.said_on IS NOT NULL ORDER BY '
                                    'statement.said_on DESC, statement.id DESC LIMIT :prefix OFFSET 0) AS '
                                    'newest_dated UNION ALL SELECT newest_undated.id AS id, '
                                    'newest_undated.said_on AS said_on, newest_undated.speaker_id AS '
                                    'speaker_id FROM (SELECT statement.id AS id, statement.said_on AS '
                                    'said_on, statement.speaker_id AS speaker_id FROM statement WHERE '
                                    'statement.retracted_at IS NULL AND statement.id IN (SELECT '
                                    'statement_about.statement_id FROM statement_about WHERE '
                                    'statement_about.entity_id IN ({parts})) AND (statement.speaker_id NOT '
                                    'IN ({officials})) AND statement.said_on IS NULL ORDER BY statement.id '
                                    'DESC LIMIT :prefix OFFSET 0) AS newest_undated) AS newest_both ORDER BY '
                                    'newest_both.said_on DESC NULLS LAST, newest_both.id DESC LIMIT :prefix '
                                    'OFFSET 0) AS newest',
            'sheet_others_held_in_dated': 'SELECT count(*) AS count_1 FROM (SELECT newest_both.id AS id, '
                                          'newest_both.said_on AS said_on, newest_both.speaker_id AS '
                                          'speaker_id FROM (SELECT newest_dated.id AS id, '
                                          'newest_dated.said_on AS said_on, newest_dated.speaker_id AS '
                                          'speaker_id FROM (SELECT statement.id AS id, statement.said_on AS '
                                          'said_on, statement.speaker_id AS speaker_id FROM statement WHERE '
                                          'statement.retracted_at IS NULL AND statement.said_on < '
                                          ':as_of_bound AND statement.id IN (SELECT '
                                          'statement_about.statement_id FROM statement_about WHERE '
                                          'statement_about.entity_id IN ({parts})) AND (statement.speaker_id '
                                          'NOT IN ({officials})) AND statement.said_on IS NOT NULL ORDER BY '
                                          'statement.said_on DESC, statement.id DESC LIMIT :prefix OFFSET 0) '
                                          'AS newest_dated UNION ALL SELECT newest_undated.id AS id, '
                                          'newest_undated.said_on AS said_on, newest_undated.speaker_id AS '
                                          'speaker_id FROM (SELECT statement.id AS id, statement.said_on AS '
                                          'said_on, statement.speaker_id AS speaker_id FROM statement WHERE '
                                          'statement.retracted_at IS NULL AND statement.said_on < '
                                          ':as_of_bound AND statement.id IN (SELECT '
                                          'statement_about.statement_id FROM statement_about WHERE '
                                          'statement_about.entity_id IN ({parts})) AND (statement.speaker_id '
                                          'NOT IN ({officials})) AND statement.said_on IS NULL ORDER BY '
                                          'statement.id DESC LIMIT :prefix OFFSET 0) AS newest_undated) AS '
                                          'newest_both ORDER BY newest_both.said_on DESC NULLS LAST, '
                                          'newest_both.id DESC LIMIT :prefix OFFSET 0) AS newest',
            'sheet_others_ranked_each': 'SELECT ranked.id FROM (SELECT newest.id AS id, newest.said_on AS '
                                        'said_on, row_number() OVER (PARTITION BY newest.speaker_id ORDER BY '
                                        'newest.said_on DESC NULLS LAST, newest.id DESC) AS rank FROM '
                                        '(SELECT newest_both.id AS id, newest_both.said_on AS said_on, '
                                        'newest_both.speaker_id AS speaker_id FROM (SELECT newest_dated.id '
                                        'AS id, newest_dated.said_on AS said_on, newest_dated.speaker_id AS '
                                        'speaker_id FROM (SELECT statement.id AS id, statement.said_on AS '
                                        'said_on, statement.speaker_id AS speaker_id FROM statement WHERE '
                                        'statement.retracted_at IS NULL AND (EXISTS (SELECT '
                                        'statement_about.statement_id FROM statement_about WHERE '
                                        'statement_about.statement_id = statement.id AND '
                                        '(statement_about.entity_id IN ({parts})))) AND '
                                        '(statement.speaker_id NOT IN ({officials})) AND statement.said_on '
                                        'IS NOT NULL ORDER BY statement.said_on DESC, statement.id DESC '
                                        'LIMIT :prefix OFFSET 0) AS newest_dated UNION ALL SELECT '
                                        'newest_undated.id AS id, newest_undated.said_on AS said_on, '
                                        'newest_undated.speaker_id AS speaker_id FROM (SELECT statement.id '
                                        'AS id, statement.said_on AS said_on, statement.speaker_id AS '
                                        'speaker_id FROM statement WHERE statement.retracted_at IS NULL AND '
                                        '(EXISTS (SELECT statement_about.statement_id FROM statement_about '
                                        'WHERE statement_about.statement_id = statement.id AND '
                                        '(statement_about.entity_id IN ({parts})))) AND '
                                        '(statement.speaker_id NOT IN ({officials})) AND statement.said_on '
                                        'IS NULL ORDER BY statement.id DESC LIMIT :prefix OFFSET 0) AS '
                                        'newest_undated) AS newest_both ORDER BY newest_both.said_on DESC '
                                        'NULLS LAST, newest_both.id DESC LIMIT :prefix OFFSET 0) AS newest) '
                                        'AS ranked WHERE ranked.rank <= :per_speaker ORDER BY ranked.said_on '
                                        'DESC NULLS LAST, ranked.id DESC LIMIT :limit OFFSET 0',
            'sheet_others_ranked_each_dated': 'SELECT ranked.id FROM (SELECT newest.id AS id, newest.said_on '
                                              'AS said_on, row_number() OVER (PARTITION BY newest.speaker_id '
                                              'ORDER BY newest.said_on DESC NULLS LAST, newest.id DESC) AS '
                                              'rank FROM (SELECT newest_both.id AS id, newest_both.said_on '
                                              'AS said_on, newest_both.speaker_id AS speaker_id FROM (SELECT '
                                              'newest_dated.id AS id, newest_dated.said_on AS said_on, '
                                              'newest_dated.speaker_id AS speaker_id FROM (SELECT '
                                              'statement.id AS id, statement.said_on AS said_on, '
                                              'statement.speaker_id AS speaker_id FROM statement WHERE '
                                              'statement.retracted_at IS NULL AND statement.said_on < '
                                              ':as_of_bound AND (EXISTS (SELECT statement_about.statement_id '
                                              'FROM statement_about WHERE statement_about.statement_id = '
                                              'statement.id AND (statement_about.entity_id IN ({parts})))) '
                                              'AND (statement.speaker_id NOT IN ({officials})) AND '
                                              'statement.said_on IS NOT NULL ORDER BY statement.said_on '
                                              'DESC, statement.id DESC LIMIT :prefix OFFSET 0) AS '
                                              'newest_dated UNION ALL SELECT newest_undated.id AS id, '
                                              'newest_undated.said_on AS said_on, newest_undated.speaker_id '
                                              'AS speaker_id FROM (SELECT statement.id AS id, '
                                              'statement.said_on AS said_on, statement.speaker_id AS '
                                              'speaker_id FROM statement WHERE statement.retracted_at IS '
                                              'NULL AND statement.said_on < :as_of_bound AND (EXISTS (SELECT '
                                              'statement_about.statement_id FROM statement_about WHERE '
                                              'statement_about.statement_id = statement.id AND '
                                              '(statement_about.entity_id IN ({parts})))) AND '
                                              '(statement.speaker_id NOT IN ({officials})) AND '
                                              'statement.said_on IS NULL ORDER BY statement.id DESC LIMIT '
                                              ':prefix OFFSET 0) AS newest_undated) AS newest_both ORDER BY '
                                              'newest_both.said_on DESC NULLS LAST, newest_both.id DESC '
                                              'LIMIT :prefix OFFSET 0) AS newest) AS ranked WHERE '
                                              'ranked.rank <= :per_speaker ORDER BY ranked.said_on DESC '
                                              'NULLS LAST, ranked.id DESC LIMIT :limit OFFSET 0',
            'sheet_others_ranked_in': 'SELECT ranked.id FROM (SELECT newest.id AS id, newest.said_on AS '
                                      'said_on, row_number() OVER (PARTITION BY newest.speaker_id ORDER BY '
                                      'newest.said_on DESC NULLS LAST, newest.id DESC) AS rank FROM (SELECT '
                                      'newest_both.id AS id, newest_both.said_on AS said_on, '
                                      'newest_both.speaker_id AS speaker_id FROM (SELECT newest_dated.id AS '
                                      'id, newest_dated.said_on AS said_on, newest_dated.speaker_id AS '
                                      'speaker_id FROM (SELECT statement.id AS id, statement.said_on AS '
                                      'said_on, statement.speaker_id AS speaker_id FROM statement WHERE '
                                      'statement.retracted_at IS NULL AND statement.id IN (SELECT '
                                      'statement_about.statement_id FROM statement_about WHERE '
                                      'statement_about.entity_id IN ({parts})) AND (statement.speaker_id NOT '
                                      'IN ({officials})) AND statement.said_on IS NOT NULL ORDER BY '
                                      'statement.said_on DESC, statement.id DESC LIMIT :prefix OFFSET 0) AS '
                                      'newest_dated UNION ALL SELECT newest_undated.id AS id, '
                                      'newest_undated.said_on AS said_on, newest_undated.speaker_id AS '
                                      'speaker_id FROM (SELECT statement.id AS id, statement.said_on AS '
                                      'said_on, statement.speaker_id AS speaker_id FROM statement WHERE '
                                      'statement.retracted_at IS NULL AND statement.id IN (SELECT '
                                      'statement_about.statement_id FROM statement_about WHERE '
                                      'statement_about.entity_id IN ({parts})) AND (statement.speaker_id NOT '
                                      'IN ({officials})) AND statement.said_on IS NULL ORDER BY statement.id '
                                      'DESC LIMIT :prefix OFFSET 0) AS newest_undated) AS newest_both ORDER '
                                      'BY newest_both.said_on DESC NULLS LAST, newest_both.id DESC LIMIT '
                                      ':prefix OFFSET 0) AS newest) AS ranked WHERE ranked.rank <= '
                                      ':per_speaker ORDER BY ranked.said_on DESC NULLS LAST, ranked.id DESC '
                                      'LIMIT :limit OFFSET 0',
            'sheet_others_ranked_in_dated': 'SELECT ranked.id FROM (SELECT newest.id AS id, newest.said_on '
                                            'AS said_on, row_number() OVER (PARTITION BY newest.speaker_id '
                                            'ORDER BY newest.said_on DESC NULLS LAST, newest.id DESC) AS '
                                            'rank FROM (SELECT newest_both.id AS id, newest_both.said_on AS '
                                            'said_on, newest_both.speaker_id AS speaker_id FROM (SELECT '
                                            'newest_dated.id AS id, newest_dated.said_on AS said_on, '
                                            'newest_dated.speaker_id AS speaker_id FROM (SELECT statement.id '
                                            'AS id, statement.said_on AS said_on, statement.speaker_id AS '
                                            'speaker_id FROM statement WHERE statement.retracted_at IS NULL '
                                            'AND statement.said_on < :as_of_bound AND statement.id IN '
                                            '(SELECT statement_about.statement_id FROM statement_about WHERE '
                                            'statement_about.entity_id IN ({parts})) AND '
                                            '(statement.speaker_id NOT IN ({officials})) AND '
                                            'statement.said_on IS NOT NULL ORDER BY statement.said_on DESC, '
                                            'statement.id DESC LIMIT :prefix OFFSET 0) AS newest_dated UNION '
                                            'ALL SELECT newest_undated.id AS id, newest_undated.said_on AS '
                                            'said_on, newest_undated.speaker_id AS speaker_id FROM (SELECT '
                                            'statement.id AS id, statement.said_on AS said_on, '
                                            'statement.speaker_id AS speaker_id FROM statement WHERE '
                                            'statement.retracted_at IS NULL AND statement.said_on < '
                                            ':as_of_bound AND statement.id IN (SELECT '
                                            'statement_about.statement_id FROM statement_about WHERE '
                                            'statement_about.entity_id IN ({parts})) AND '
                                            '(statement.speaker_id NOT IN ({officials})) AND '
                                            'statement.said_on IS NULL ORDER BY statement.id DESC LIMIT '
                                            ':prefix OFFSET 0) AS newest_undated) AS newest_both ORDER BY '
                                            'newest_both.said_on DESC NULLS LAST, newest_both.id DESC LIMIT '
                                            ':prefix OFFSET 0) AS newest) AS ranked WHERE ranked.rank <= '
                                            ':per_speaker ORDER BY ranked.said_on DESC NULLS LAST, ranked.id '
                                            'DESC LIMIT :limit OFFSET 0',
            'sheet_per_speaker': 'SELECT statement.speaker_id, count(*) AS count_1, max(CASE WHEN '
                                 '(statement.speaker_id IN ({officials})) THEN 1 ELSE 0 END) AS max_1 FROM '
                                 'statement WHERE statement.retracted_at IS NULL AND ((EXISTS (SELECT '
                                 'statement_about.statement_id FROM statement_about WHERE '
                                 'statement_about.statement_id = statement.id AND (statement_about.entity_id '
                                 'IN ({parts})))) OR (statement.speaker_id IN ({officials}))) AND '
                                 '(statement.speaker_id IN ({ids})) GROUP BY statement.speaker_id',
            'sheet_per_speaker_dated': 'SELECT statement.speaker_id, count(*) AS count_1, max(CASE WHEN '
                                       '(statement.speaker_id IN ({officials})) THEN 1 ELSE 0 END) AS max_1 '
                                       'FROM statement WHERE statement.retracted_at IS NULL AND '
                                       'statement.said_on < :as_of_bound AND ((EXISTS (SELECT '
                                       'statement_about.statement_id FROM statement_about WHERE '
                                       'statement_about.statement_id = statement.id AND '
                                       '(statement_about.entity_id IN ({parts})))) OR (statement.speaker_id '
                                       'IN ({officials}))) AND (statement.speaker_id IN ({ids})) GROUP BY '
                                       'statement.speaker_id',
            'sheet_totals_each': 'SELECT count(*) AS count_1, coalesce(sum(counted.official), 0) AS '
                                 'coalesce_1, count(DISTINCT counted.speaker_id) AS count_2 FROM (SELECT '
                                 'statement.speaker_id AS speaker_id, CASE WHEN (statement.speaker_id IN '
                                 '({officials})) THEN 1 ELSE 0 END AS official FROM statement WHERE '
                                 'statement.retracted_at IS NULL AND ((EXISTS (SELECT '
                                 'statement_about.statement_id FROM statement_about WHERE '
                                 'statement_about.statement_id = statement.id AND (statement_about.entity_id '
                                 'IN ({parts})))) OR (statement.speaker_id IN ({officials}))) LIMIT '
                                 ':count_limit OFFSET 0) AS counted',
            'sheet_totals_each_dated': 'SELECT count(*) AS count_1, coalesce(sum(counted.official), 0) AS '
                                       'coalesce_1, count(DISTINCT counted.speaker_id) AS count_2 FROM '
                                       '(SELECT statement.speaker_id AS speaker_id, CASE WHEN '
                                       '(statement.speaker_id IN ({officials})) THEN 1 ELSE 0 END AS '
                                       'official FROM statement WHERE statement.retracted_at IS NULL AND '
                                       'statement.said_on < :as_of_bound AND ((EXISTS (SELECT '
                                       'statement_about.statement_id FROM statement_about WHERE '
                                       'statement_about.statement_id = statement.id AND '
                                       '(statement_about.entity_id IN ({parts})))) OR (statement.speaker_id '
                                       'IN ({officials}))) LIMIT :count_limit OFFSET 0) AS counted',
            'sheet_totals_in': 'SELECT count(*) AS count_1, coalesce(sum(counted.official), 0) AS '
                               'coalesce_1, count(DISTINCT counted.speaker_id) AS count_2 FROM (SELECT '
                               'statement.speaker_id AS speaker_id, CASE WHEN (statement.speaker_id IN '
                               '({officials})) THEN 1 ELSE 0 END AS official FROM statement WHERE '
                               'statement.retracted_at IS NULL AND (statement.id IN (SELECT '
                               'statement_about.statement_id FROM statement_about WHERE '
                               'statement_about.entity_id IN ({parts})) OR (statement.speaker_id IN '
                               '({officials}))) LIMIT :count_limit OFFSET 0) AS counted',
            'sheet_totals_in_dated': 'SELECT count(*) AS count_1, coalesce(sum(counted.official), 0) AS '
                                     'coalesce_1, count(DISTINCT counted.speaker_id) AS count_2 FROM (SELECT '
                                     'statement.speaker_id AS speaker_id, CASE WHEN (statement.speaker_id IN '
                                     '({officials})) THEN 1 ELSE 0 END AS official FROM statement WHERE '
                                     'statement.retracted_at IS NULL AND statement.said_on < :as_of_bound '
                                     'AND (statement.id IN (SELECT statement_about.statement_id FROM '
                                     'statement_about WHERE statement_about.entity_id IN ({parts})) OR '
                                     '(statement.speaker_id IN ({officials}))) LIMIT :count_limit OFFSET 0) '
                                     'AS counted',
            'sources': 'SELECT source.id, source.title, source.url, source.publisher, coalesce((SELECT '
                       'entity_name.name FROM entity_name WHERE entity_name.entity_id = publisher.id AND '
                       "entity_name.lang = 'en' ORDER BY CASE WHEN entity_name.is_primary THEN 0 ELSE 1 END, "
                       'entity_name.id LIMIT 1 OFFSET 0), (SELECT entity_name.name FROM entity_name WHERE '
                       "entity_name.entity_id = publisher.id AND entity_name.lang = 'ar' ORDER BY CASE WHEN "
                       'entity_name.is_primary THEN 0 ELSE 1 END, entity_name.id LIMIT 1 OFFSET 0), (SELECT '
                       'entity_name.name FROM entity_name WHERE entity_name.entity_id = publisher.id ORDER '
                       'BY entity_name.id LIMIT 1 OFFSET 0), publisher."key") AS publisher_entity, '
                       'source.lang, source.published_on, source.published_basis, source.published_note, '
                       'source.sha256 FROM source LEFT OUTER JOIN entity AS publisher ON publisher.id = '
                       'source.publisher_id WHERE source.id IN ({ids}) ORDER BY source.id',
            'statement_extent': 'SELECT coalesce(max(statement.id), 0) AS coalesce_1 FROM statement'}}

TRACKED_TABLES: tuple[str, ...] = ('candidate',
 'entity',
 'entity_merge',
 'entity_name',
 'event',
 'event_title',
 'evidence',
 'external_id',
 'force_level',
 'force_level_unit',
 'membership',
 'organisation_fact',
 'organisation_fact_text',
 'role',
 'role_title',
 'source',
 'statement',
 'translation')
