import type { Catalogue } from './en';

export const es: Catalogue = {
  'platform.name': 'Plataforma de Seguimiento del MESECVI',
  'platform.purpose':
    'El Mecanismo de Seguimiento de la Convención de Belém do Pará (MESECVI) evalúa cómo cada Estado Parte previene, sanciona y erradica la violencia contra las mujeres. En esta plataforma los Estados responden a sus cuestionarios, el Comité de Expertas examina las respuestas y se publican los informes y las recomendaciones.',
  'layout.skipToContent': 'Ir al contenido principal',
  'layout.homeLink': 'Inicio',
  'layout.signIn': 'Iniciar sesión',
  'home.latestReports': 'Últimos informes publicados',
  'home.loadingReports': 'Cargando los últimos informes…',
  'home.reportsFailed': 'No se pudieron cargar los informes. Vuelva a intentarlo más tarde.',
  'home.noReports': 'Todavía no se ha publicado ningún informe.',
  'home.reportPublished': 'Publicado el {date}',
  'home.reportState': 'Estado: {code}',
  'signIn.title': 'Iniciar sesión en la plataforma',
  'signIn.email': 'Correo electrónico',
  'signIn.password': 'Contraseña',
  'signIn.showPassword': 'Mostrar u ocultar la contraseña',
  'signIn.submit': 'Entrar',
  'signIn.comingSoon': 'Todavía no es posible iniciar sesión desde esta página.',
  'notFound.title': 'Página no encontrada',
  'notFound.body': 'No hay ninguna página en esta dirección.',
  'notFound.home': 'Ir a la página de inicio',
};
