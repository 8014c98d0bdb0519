/** The sample screen (header, tabs, the role's panel). */
export default {
  id: {
    back: 'Kembali ke daftar',
    order: 'Order',
    type: 'Jenis',
    customer: 'Pelanggan',
    status: 'Status',
    received: 'Diterima',
    tabWork: 'Pekerjaan',
    tabHistory: 'Riwayat',
    noPanel: 'Tidak ada tindakan untuk Anda pada langkah ini.',
    noPanelHint:
      'Sampel menunggu {{who}} pada langkah {{step}}. Sampel muncul lagi di “Pekerjaan saya” bila ada yang harus Anda kerjakan.',
    finished: 'Sampel ini sudah selesai diproses laboratorium.',
    notFound: 'Sampel tidak ada di salinan kerja ini.',
    notFoundHint:
      'Mungkin sudah dialihkan ke orang lain atau belum tersinkron. Kembali ke daftar, atau sinkronkan sekarang.',
    pendingHere_one: '{{count}} perubahan Anda pada order ini belum terkirim.',
    pendingHere_other: '{{count}} perubahan Anda pada order ini belum terkirim.',
  },
  en: {
    back: 'Back to the list',
    order: 'Order',
    type: 'Type',
    customer: 'Customer',
    status: 'Status',
    received: 'Received',
    tabWork: 'Work',
    tabHistory: 'History',
    noPanel: 'Nothing for you to do at this step.',
    noPanelHint:
      'The sample waits for {{who}} at step {{step}}. It shows again in “My work” when something is yours to do.',
    finished: 'The laboratory has finished with this sample.',
    notFound: 'The sample is not in this working copy.',
    notFoundHint: 'It may have been reassigned or not synced yet. Go back to the list, or sync now.',
    pendingHere_one: '{{count}} of your changes on this order is not sent yet.',
    pendingHere_other: '{{count}} of your changes on this order are not sent yet.',
  },
};
