/** Ketua Tim PJI screens: steps 6 and 17, amendment. */
export default {
  id: {
    nav: { work: 'Pekerjaan saya', reports: 'LHU terbit' },
    work: {
      title: 'Pekerjaan saya',
      empty: 'Order yang divalidasi CS dan hasil yang divalidasi MT akan muncul di sini.',
    },
    tariff: {
      title: 'Langkah 6 · Periksa tarif',
      hint: 'Tarif PNBP per parameter per sampel, dari katalog saat order diajukan.',
      approve: 'Setujui tarif',
      return: 'Kembalikan ke pelanggan',
      returnTitle: 'Kembalikan order ke pelanggan',
      returnConsequence: 'Order kembali ke pelanggan untuk diperbaiki; pelanggan membaca alasan ini.',
      done: 'Tarif {{total}} disetujui; pelanggan dapat meminta e-billing.',
      returned: 'Order dikembalikan ke pelanggan.',
    },
    number: {
      title: 'Langkah 17 · Nomor LHU',
      hint: 'Nomor LHU dibuat server menurut format nomor unit.',
      submit: 'Beri No. LHU',
      done: 'No. LHU diberikan untuk sampel {{sample}}; CS mencetak E-LHU.',
    },
    reports: {
      title: 'LHU terbit',
      col: { lhu: 'No. LHU', sample: 'No. sampel', customer: 'Pelanggan', released: 'Dikirim' },
      empty: 'Belum ada E-LHU yang dikirim ke pelanggan',
      emptyHint: 'E-LHU yang sudah dikirim CS muncul di sini untuk laporan pengganti bila perlu.',
      amendTitle: 'Laporan pengganti (ISO/IEC 17025 7.8.8)',
      amend: 'Terbitkan laporan pengganti',
      amendConsequence:
        'LHU {{number}} digantikan; sampel kembali ke langkah 18 dengan nomor LHU baru yang menyebut laporan yang diganti. Pelanggan membaca alasan ini.',
      amended: 'LHU {{number}} akan digantikan; CS mencetak E-LHU pengganti.',
    },
  },
  en: {
    nav: { work: 'My work', reports: 'Released LHUs' },
    work: {
      title: 'My work',
      empty: 'Orders validated by CS and results validated by the MT will show here.',
    },
    tariff: {
      title: 'Step 6 · Check the tariff',
      hint: 'PNBP tariff per parameter per sample, from the catalog when the order was submitted.',
      approve: 'Approve the tariff',
      return: 'Return to the customer',
      returnTitle: 'Return the order to the customer',
      returnConsequence:
        'The order goes back to the customer for correction; the customer reads this reason.',
      done: 'Tariff {{total}} approved; the customer can request the e-billing.',
      returned: 'Order returned to the customer.',
    },
    number: {
      title: 'Step 17 · LHU number',
      hint: 'The server gives the LHU number in the unit’s numbering format.',
      submit: 'Give the LHU number',
      done: 'LHU number given for sample {{sample}}; CS prints the E-LHU.',
    },
    reports: {
      title: 'Released LHUs',
      col: { lhu: 'LHU no.', sample: 'Sample no.', customer: 'Customer', released: 'Released' },
      empty: 'No E-LHU has been released yet',
      emptyHint: 'E-LHUs released by CS show here, for an amended report when needed.',
      amendTitle: 'Amended report (ISO/IEC 17025 7.8.8)',
      amend: 'Issue an amended report',
      amendConsequence:
        'LHU {{number}} is replaced; the sample goes back to step 18 with a new LHU number naming the replaced report. The customer reads this reason.',
      amended: 'LHU {{number}} will be replaced; CS prints the replacing E-LHU.',
    },
  },
};
