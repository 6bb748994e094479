import type { Catalogue } from './en';

export const pt: Catalogue = {
  'platform.name': 'Plataforma de Acompanhamento do MESECVI',
  'platform.purpose':
    'O Mecanismo de Acompanhamento da Convenção de Belém do Pará (MESECVI) avalia como cada Estado Parte previne, pune e erradica a violência contra as mulheres. Nesta plataforma os Estados respondem aos seus questionários, o Comitê de Especialistas examina as respostas e os relatórios e as recomendações são publicados.',
  'layout.skipToContent': 'Ir para o conteúdo principal',
  'layout.homeLink': 'Página inicial',
  'layout.signIn': 'Entrar',
  'home.latestReports': 'Últimos relatórios publicados',
  'home.loadingReports': 'Carregando os últimos relatórios…',
  'home.reportsFailed': 'Não foi possível carregar os relatórios. Tente novamente mais tarde.',
  'home.noReports': 'Nenhum relatório foi publicado ainda.',
  'home.reportPublished': 'Publicado em {date}',
  'home.reportState': 'Estado: {code}',
  'signIn.title': 'Entrar na plataforma',
  'signIn.email': 'Endereço de e-mail',
  'signIn.password': 'Senha',
  'signIn.showPassword': 'Mostrar ou ocultar a senha',
  'signIn.submit': 'Entrar',
  'signIn.comingSoon': 'Ainda não é possível entrar a partir desta página.',
  'notFound.title': 'Página não encontrada',
  'notFound.body': 'Não há nenhuma página neste endereço.',
  'notFound.home': 'Ir para a página inicial',
};
