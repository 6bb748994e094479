import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last document number used in a year: adoption takes the next one with an atomic upsert. */
@Entity({ name: 'document_symbol_counter' })
export class DocumentSymbolCounter {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_document_symbol_counter' })
  year!: number;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}
