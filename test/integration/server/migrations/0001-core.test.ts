import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { beforeMigration, describeEachDialect, v1 } from './helper';

describeEachDialect('migration 0001_core', (dialect) => {
  it('on an empty database: the tables, the feed counter at 0, and their keys enforced', () =>
    beforeMigration(dialect, '0001_core', async (m) => {
      await m.migrate();
      expect(await m.rows(sql`select name, value from counters`)).toEqual([{ name: 'feed', value: 0 }]);
      expect(await m.columns('orders')).toContain('data');
      expect(await m.indexColumns('orders_customer')).toEqual(['customer_id', 'updated_seq']);
      expect(await m.indexColumns('orders_status')).toEqual(['status', 'updated_seq']);

      await m.insert('units', v1.unit);
      await m.insertParameter();
      await m.insert('orders', v1.order('ord-1', 1));
      expect(
        await m.rows(
          sql`select p.name, s.name as type from parameters p join sample_types s on s.id = p.sample_type_id`,
        ),
      ).toEqual([{ name: 'Kadar air', type: 'Kopi Bubuk' }]);
      // A sample type of a lab that does not exist; a second lab with the same code; an order number twice.
      await expect(
        m.insert('sample_types', { ...v1.sampleType, id: 'st-2', lab_id: 'no-lab' }),
      ).rejects.toThrow();
      await expect(m.insert('labs', { ...v1.lab, id: 'lab-2' })).rejects.toThrow();
      await expect(
        m.insert('orders', { ...v1.order('ord-2', 2), number: v1.order('ord-1', 1).number }),
      ).rejects.toThrow();
      // The audit log's key is (seq, idx): one command writes several rows under one position.
      const audit = {
        at: '2026-03-02T03:00:00.000Z',
        role: 'admin_satker',
        command_id: 'c',
        command_type: 'order.submit',
        entity: 'order',
        entity_id: 'ord-1',
      };
      await m.insert('audit_log', { ...audit, seq: 1, idx: 0 });
      await m.insert('audit_log', { ...audit, seq: 1, idx: 1 });
      await expect(m.insert('audit_log', { ...audit, seq: 1, idx: 1 })).rejects.toThrow();
    }));
});
