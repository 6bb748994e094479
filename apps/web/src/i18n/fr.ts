import type { Catalogue } from './en';

export const fr: Catalogue = {
  'platform.name': 'Plateforme de suivi du MESECVI',
  'platform.purpose':
    'Le Mécanisme de suivi de la Convention de Belém do Pará (MESECVI) évalue comment chaque État partie prévient, sanctionne et élimine la violence à l’égard des femmes. Sur cette plateforme, les États répondent à ses questionnaires, le Comité d’expertes examine les réponses, et les rapports et recommandations sont publiés.',
  'layout.skipToContent': 'Aller au contenu principal',
  'layout.homeLink': 'Accueil',
  'layout.signIn': 'Se connecter',
  'home.latestReports': 'Derniers rapports publiés',
  'home.loadingReports': 'Chargement des derniers rapports…',
  'home.reportsFailed': 'Les rapports n’ont pas pu être chargés. Veuillez réessayer plus tard.',
  'home.noReports': 'Aucun rapport n’a encore été publié.',
  'home.reportPublished': 'Publié le {date}',
  'home.reportState': 'État : {code}',
  'signIn.title': 'Se connecter à la plateforme',
  'signIn.email': 'Adresse électronique',
  'signIn.password': 'Mot de passe',
  'signIn.showPassword': 'Afficher ou masquer le mot de passe',
  'signIn.submit': 'Connexion',
  'signIn.comingSoon': 'La connexion depuis cette page n’est pas encore disponible.',
  'notFound.title': 'Page introuvable',
  'notFound.body': 'Il n’y a aucune page à cette adresse.',
  'notFound.home': 'Aller à la page d’accueil',
};
