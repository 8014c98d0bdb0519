/** The MT's panels: validate or return an assignment, validate or return results (UI.md, "MT"). */
export default {
  id: {
    assignment: {
      title: 'Validasi penugasan',
      intro: 'Periksa analis yang ditunjuk Penyelia untuk setiap parameter.',
      parameter: 'Parameter',
      method: 'Metode',
      analyst: 'Analis',
      validated: 'Penugasan sampel {{sample}} divalidasi; analis dapat mulai menguji',
      returned: 'Penugasan sampel {{sample}} dikembalikan ke Penyelia',
      returnTitle: 'Kembalikan penugasan sampel {{sample}}',
      returnConsequence: 'Penugasan kembali ke Penyelia untuk diperbaiki. Penyelia melihat alasan ini.',
      returnConfirm: 'Kembalikan',
    },
    results: {
      title: 'Validasi hasil',
      intro: 'Periksa hasil yang sudah diverifikasi Penyelia.',
      validated: 'Hasil sampel {{sample}} divalidasi; menunggu nomor LHU',
      returned: 'Hasil sampel {{sample}} dikembalikan ke Penyelia',
      returnTitle: 'Kembalikan hasil sampel {{sample}}',
      returnConsequence:
        'Hasil kembali ke tahap pengujian; Penyelia harus memverifikasi ulang. Penyelia melihat alasan ini.',
      returnConfirm: 'Kembalikan',
    },
    validate: 'Validasi',
    return: 'Kembalikan',
    unknownAnalyst: 'analis tidak dikenal',
    noAnalyst: 'belum ditunjuk',
  },
  en: {
    assignment: {
      title: 'Assignment validation',
      intro: 'Check the analis the Penyelia picked for each parameter.',
      parameter: 'Parameter',
      method: 'Method',
      analyst: 'Analis',
      validated: 'Assignment of sample {{sample}} validated; the analis can start testing',
      returned: 'Assignment of sample {{sample}} returned to the Penyelia',
      returnTitle: 'Return the assignment of sample {{sample}}',
      returnConsequence:
        'The assignment goes back to the Penyelia to be corrected. The Penyelia sees this reason.',
      returnConfirm: 'Return',
    },
    results: {
      title: 'Result validation',
      intro: 'Check the results the Penyelia verified.',
      validated: 'Results of sample {{sample}} validated; waiting for the LHU number',
      returned: 'Results of sample {{sample}} returned to the Penyelia',
      returnTitle: 'Return the results of sample {{sample}}',
      returnConsequence:
        'The results go back to testing; the Penyelia must verify them again. The Penyelia sees this reason.',
      returnConfirm: 'Return',
    },
    validate: 'Validate',
    return: 'Return',
    unknownAnalyst: 'unknown analis',
    noAnalyst: 'not assigned',
  },
};
