export default {
  id: {
    myWork: 'Pekerjaan saya',
    samples: 'Semua sampel',
    signing: 'Antrean TTE',
    onlineOnly: 'perlu koneksi',
  },
  en: { myWork: 'My work', samples: 'All samples', signing: 'Signing queue', onlineOnly: 'needs connection' },
};
